package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ContactCursor;
import dev.kontak.contacts.boundary.ContactPage;
import dev.kontak.contacts.boundary.MatchCount;
import java.util.List;
import java.util.function.Function;

/**
 * One page of the caller's contacts in {@code sort} order ("newest", "name", or "relevance" for a search), with
 * the cursors of the neighbouring pages ({@code next}, {@code previous}: null at either end) and how many contacts
 * the list has: exact for the whole list; for a search counted up to a limit ({@code totalExact} false: more),
 * and only on its first page (both null on the others: counting again on every page would cost more than the page).
 */
public record ContactList(List<ContactSummary> items, int size, String sort, String next, String previous, Long total,
        Boolean totalExact) {

    /** @param total null when not counted */
    static ContactList of(ContactPage page, int size, MatchCount total, Function<ContactCursor, String> encode) {
        return new ContactList(page.contacts().stream().map(ContactSummary::of).toList(), size, page.order().parameter(),
                page.hasNext() ? encode.apply(page.next()) : null,
                page.hasPrevious() ? encode.apply(page.previous()) : null, total == null ? null : total.value(),
                total == null ? null : total.exact());
    }
}
