package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;

/** {@code /contacts/new}: the empty form, and creating the contact it sends ("add another" shows one more row). */
@ApplicationScoped
public class NewContactPage {

    @Inject
    ContactFormPage page;

    @Inject
    ContactBook contacts;

    void form(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, 200, ContactForm.EMPTY, Map.of(), "");
    }

    void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ContactForm typed = ContactForm.read(request);
        String more = Parameters.text(request, "more");
        Map<String, String> errors = more.isEmpty() ? page.errorsIn(typed) : Map.of();
        if (!more.isEmpty() || !errors.isEmpty()) {
            render(request, response, errors.isEmpty() ? 200 : 400, typed, errors, more);
            return;
        }
        Contact created;
        try {
            created = contacts.create(typed.details());
        } catch (ConstraintViolationException invalid) {
            render(request, response, 400, typed, ContactFormPage.errorsOf(invalid), "");
            return;
        }
        Pages.redirect(request, response, "/contacts/" + created.id());
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, ContactForm form,
            Map<String, String> errors, String more) throws IOException {
        page.render(request, response, status, Map.of("heading", "contact.new", "action", "/contacts/new",
                "form", form, "errors", errors, "more", more));
    }
}
