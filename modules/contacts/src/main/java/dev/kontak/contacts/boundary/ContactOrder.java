package dev.kontak.contacts.boundary;

import java.util.Locale;
import java.util.Optional;

/** How a contact list is ordered. Every order ends with the id, so that it is total and pages are stable. */
public enum ContactOrder {
    /** Newest first: created_at, then id, both descending. */
    NEWEST,
    /** By name, case-insensitively: lower(name), then id. */
    NAME,
    /** Searches: exact name first, then names that start with the term, then every other match; by name within. */
    RELEVANCE;

    /** The word of the {@code sort} parameter. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The orders a user may choose for the unfiltered list; a search is always ranked by relevance. */
    public static Optional<ContactOrder> chosen(String parameter) {
        for (ContactOrder order : new ContactOrder[] {NEWEST, NAME}) {
            if (order.parameter().equals(parameter)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
