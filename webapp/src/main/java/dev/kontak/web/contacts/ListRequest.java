package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactCursor;
import dev.kontak.contacts.boundary.ContactOrder;
import dev.kontak.contacts.boundary.ContactQuery;
import dev.kontak.contacts.boundary.CursorRefused;
import dev.kontak.contacts.boundary.MatchCount;
import dev.kontak.contacts.boundary.PageCursors;
import dev.kontak.metadata.boundary.Metadata;
import java.util.UUID;

/**
 * The list parameters the page and the API share: {@code q}, {@code sort=newest|name}, {@code after} and
 * {@code before} (cursors from a previous answer), and the old {@code page}, which is refused by name so that a
 * client that still sends it learns what to send instead of silently getting the first page again.
 */
public final class ListRequest {

    /** As long as the longest field searched (name, company); the search box has the same limit. */
    public static final int MAX_QUERY_LENGTH = 200;
    /** Searches count their matches up to this many ("more than 1,000"): a count costs a scan of what it counts. */
    public static final int MAX_COUNTED = 1000;
    public static final String NO_PAGE_NUMBERS = "Pages have no numbers: start without it and follow the next and "
            + "previous cursors (after=... and before=...) of each answer.";

    /** A parameter that cannot be read, and why. */
    public static class Invalid extends RuntimeException {

        private final String parameter;

        Invalid(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    private ListRequest() {
    }

    /** @param page the old page number parameter, null when absent */
    public static ContactQuery read(UUID user, PageCursors cursors, String text, String sort, String after,
            String before, String page, int size) {
        String query = text == null ? "" : text.strip();
        if (page != null) {
            throw new Invalid("page", NO_PAGE_NUMBERS);
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new Invalid("q", "Use at most " + MAX_QUERY_LENGTH + " characters.");
        }
        ContactOrder order = sort == null || sort.isBlank() ? ContactOrder.NEWEST
                : ContactOrder.chosen(sort.strip()).orElseThrow(() -> new Invalid("sort", "Use sort=newest or sort=name."));
        if (present(after) && present(before)) {
            throw new Invalid("before", "Give after or before, not both.");
        }
        ContactQuery first = ContactQuery.first(query, order, size);
        return new ContactQuery(query, order, cursor(user, cursors, "after", after, first),
                cursor(user, cursors, "before", before, first), size);
    }

    /**
     * How many contacts the list holds, as the page and the API show it: for the whole list the metadata's count; for
     * a label or a search a count up to {@link #MAX_COUNTED}, on the first page only (null on the others).
     */
    public static MatchCount total(ContactQuery query, ContactBook contacts, Metadata metadata) {
        if (!query.hasLabel() && !query.isSearch()) {
            return new MatchCount(metadata.contactCount(), true);
        }
        if (!query.isFirstPage()) {
            return null;
        }
        return query.hasLabel() ? contacts.countFiled(query.label(), query.text(), MAX_COUNTED)
                : contacts.count(query.text(), MAX_COUNTED);
    }

    /** A label to filter by, as typed (blank: none). */
    public static String label(String label) {
        String filed = label == null ? "" : label.strip();
        if (filed.length() > 100) {
            throw new Invalid("label", "Use at most 100 characters for a label.");
        }
        return filed;
    }

    private static ContactCursor cursor(UUID user, PageCursors cursors, String parameter, String text, ContactQuery query) {
        if (!present(text)) {
            return null;
        }
        try {
            ContactCursor cursor = cursors.decode(text.strip(), user, query.text());
            if (cursor.order() != query.effectiveOrder()) {
                throw new CursorRefused();
            }
            return cursor;
        } catch (CursorRefused refused) {
            throw new Invalid(parameter, refused.getMessage());
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
