package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;

/** {@code /contacts/new}: the empty form, and creating the contact it sends. */
@ApplicationScoped
public class NewContactPage {

    @Inject
    ContactFormPage page;

    @Inject
    ContactBook contacts;

    void form(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, 200, ContactForm.EMPTY, Map.of());
    }

    void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ContactForm typed = ContactForm.read(request);
        Contact created;
        try {
            created = contacts.create(typed.asNew());
        } catch (ConstraintViolationException invalid) {
            render(request, response, 400, typed, Violations.byField(invalid, ContactDetails::quickField));
            return;
        }
        Pages.redirect(request, response, "/contacts/" + created.id());
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, ContactForm form,
            Map<String, String> errors) throws IOException {
        page.render(request, response, status,
                Map.of("heading", "contact.new", "action", "/contacts/new", "form", form, "errors", errors));
    }
}
