package dev.kontak.contacts.boundary;

/**
 * What a list asks for: a search text (blank: every contact), an order for the unfiltered list, at most one of
 * {@code after} (the next page) and {@code before} (the previous page), how many contacts, and a label the contacts
 * are filed under (blank: any).
 */
public record ContactQuery(String text, ContactOrder order, ContactCursor after, ContactCursor before, int size,
        String label) {

    public ContactQuery(String text, ContactOrder order, ContactCursor after, ContactCursor before, int size) {
        this(text, order, after, before, size, "");
    }

    public ContactQuery {
        text = text == null ? "" : text.strip();
        label = label == null ? "" : label.strip();
        if (after != null && before != null) {
            throw new IllegalArgumentException("after and before");
        }
        if (size < 1) {
            throw new IllegalArgumentException("size " + size);
        }
    }

    public static ContactQuery first(String text, ContactOrder order, int size) {
        return new ContactQuery(text, order, null, null, size);
    }

    /** The same list, of the contacts filed under this label only. */
    public ContactQuery filedUnder(String label) {
        return new ContactQuery(text, order, after, before, size, label);
    }

    /** The next page of the same list. */
    public ContactQuery nextPage(ContactCursor cursor) {
        return new ContactQuery(text, order, cursor, null, size, label);
    }

    public boolean hasLabel() {
        return !label.isEmpty();
    }

    public boolean isFirstPage() {
        return after == null && before == null;
    }

    public boolean isSearch() {
        return !text.isEmpty();
    }

    /** A search is always ranked by relevance; the chosen order applies to the whole list. */
    public ContactOrder effectiveOrder() {
        return isSearch() ? ContactOrder.RELEVANCE : order;
    }
}
