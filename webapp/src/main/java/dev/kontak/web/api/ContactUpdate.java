package dev.kontak.web.api;

import dev.kontak.contacts.entity.ContactDetails;

/**
 * The body of {@code PUT /api/contacts/{id}}: the details, and the {@code version} the client last saw. Without a
 * version the update overwrites whatever is there; with one, a newer save by someone else answers 409.
 */
public record ContactUpdate(String name, String email, String phone, String company, String notes, Long version) {

    ContactDetails details() {
        return new ContactDetails(name, email, phone, company, notes);
    }
}
