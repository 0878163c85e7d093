package dev.kontak.contacts.boundary;

import dev.kontak.contacts.entity.Contact;
import java.util.Objects;
import java.util.UUID;

/**
 * A place in a contact list: the sort key values and id of one contact, and its relevance tier in a search (0
 * otherwise). A page starts after (or ends before) it. {@link PageCursors} turns it into the opaque text of links.
 *
 * @param key the creation time as ISO-8601 text (newest first), or the contact's sort name
 */
public record ContactCursor(ContactOrder order, int tier, String key, UUID id) {

    /** Exact name, name prefix, any other match. */
    public static final int TIERS = 3;

    public ContactCursor {
        Objects.requireNonNull(order);
        Objects.requireNonNull(key);
        Objects.requireNonNull(id);
        if (tier < 0 || tier >= TIERS) {
            throw new IllegalArgumentException("tier " + tier);
        }
    }

    static ContactCursor at(Contact contact, ContactOrder order, int tier) {
        String key = order == ContactOrder.NEWEST ? contact.createdAt().toString() : contact.sortName();
        return new ContactCursor(order, tier, key, contact.id());
    }
}
