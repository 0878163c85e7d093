package dev.kontak.web.api;

import dev.kontak.contacts.entity.Contact;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact as a list shows it: what its row holds (the first e-mail and phone, the organisation), without the
 * lists of a whole card ({@link ContactView}), which a page of contacts would read once per contact.
 */
public record ContactSummary(UUID id, UUID ownerId, UUID teamId, String name, String email, String phone,
        String company, String notes, boolean favourite, int activityCount, Instant lastActivityAt, Instant createdAt,
        Instant updatedAt, long version) {

    static ContactSummary of(Contact contact) {
        return new ContactSummary(contact.id(), contact.ownerId(), contact.teamId(), contact.name(), contact.email(),
                contact.phone(), contact.company(), contact.notes(), contact.favourite(), contact.activityCount(),
                contact.lastActivityAt(), contact.createdAt(), contact.updatedAt(), contact.version());
    }
}
