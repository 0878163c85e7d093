package dev.kontak.contacts.boundary;

/**
 * What a list asks for: a search text (blank: every contact), an order for the unfiltered list, at most one of
 * {@code after} (the next page) and {@code before} (the previous page), and how many contacts.
 */
public record ContactQuery(String text, ContactOrder order, ContactCursor after, ContactCursor before, int size) {

    public ContactQuery {
        text = text == null ? "" : text.strip();
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
