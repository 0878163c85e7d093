package dev.kontak.web.contacts;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.web.page.Parameters;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The quick form of the new-contact and edit-contact pages: a name, the first e-mail and phone, the organisation
 * and notes ({@link ContactDetails#withQuick}); saving it leaves the rest of the card as it is.
 */
record ContactForm(String name, String email, String phone, String company, String notes) {

    static final ContactForm EMPTY = new ContactForm("", "", "", "", "");

    /** As typed: a rejected form shows exactly what was sent. */
    static ContactForm read(HttpServletRequest request) {
        return new ContactForm(Parameters.text(request, "name"), Parameters.text(request, "email"),
                Parameters.text(request, "phone"), Parameters.text(request, "company"),
                Parameters.text(request, "notes"));
    }

    static ContactForm of(Contact contact) {
        return new ContactForm(contact.name(), contact.email(), contact.phone(), contact.company(), contact.notes());
    }

    ContactDetails asNew() {
        return ContactDetails.of(name, email, phone, company, notes);
    }

    ContactDetails appliedTo(ContactDetails card) {
        return card.withQuick(name, email, phone, company, notes);
    }
}
