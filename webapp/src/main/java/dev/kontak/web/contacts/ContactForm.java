package dev.kontak.web.contacts;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.web.page.Parameters;
import jakarta.servlet.http.HttpServletRequest;

/** The fields of the new-contact and edit-contact forms, which are the fields of {@link ContactDetails}. */
final class ContactForm {

    static final ContactDetails EMPTY = new ContactDetails("", "", "", "", "");

    private ContactForm() {
    }

    /** As typed: a rejected form shows exactly what was sent. */
    static ContactDetails read(HttpServletRequest request) {
        return new ContactDetails(Parameters.text(request, "name"), Parameters.text(request, "email"),
                Parameters.text(request, "phone"), Parameters.text(request, "company"),
                Parameters.text(request, "notes"));
    }

    static ContactDetails of(Contact contact) {
        return new ContactDetails(contact.name(), contact.email(), contact.phone(), contact.company(), contact.notes());
    }
}
