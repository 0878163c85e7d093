package dev.kontak.web.api;

import dev.kontak.contacts.entity.Contact;
import java.time.Instant;
import java.util.UUID;

/** A contact as API clients see it; {@code version} goes back in a PUT to detect concurrent edits. */
public record ContactView(UUID id, UUID ownerId, UUID teamId, String name, String email, String phone, String company,
        String notes, int activityCount, Instant lastActivityAt, Instant createdAt, Instant updatedAt, long version) {

    static ContactView of(Contact contact) {
        return new ContactView(contact.id(), contact.ownerId(), contact.teamId(), contact.name(), contact.email(),
                contact.phone(), contact.company(), contact.notes(), contact.activityCount(), contact.lastActivityAt(),
                contact.createdAt(), contact.updatedAt(), contact.version());
    }
}
