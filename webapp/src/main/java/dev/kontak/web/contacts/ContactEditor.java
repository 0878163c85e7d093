package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactEditConflict;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /contacts/{id}/edit}: the whole card, replaced by what the form sends. The form carries the contact's
 * version: saving over a change someone made since answers 409 with what is saved now, keeps what the user typed,
 * and carries the new version, so that saving again overwrites knowingly.
 */
@ApplicationScoped
public class ContactEditor {

    @Inject
    ContactFormPage page;

    @Inject
    ContactBook contacts;

    void form(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        Contact contact = contacts.view(contactId);
        render(request, response, 200, contactId, ContactForm.of(contact), contact.version(), Map.of());
    }

    void save(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        ContactForm typed = ContactForm.read(request);
        long version = Parameters.number(request, "version").orElse(-1);
        String more = Parameters.text(request, "more");
        Map<String, String> errors = more.isEmpty() ? page.errorsIn(typed) : Map.of();
        if (!more.isEmpty() || !errors.isEmpty()) {
            contacts.view(contactId); // refuses, as saving would, someone who may not edit it
            render(request, response, errors.isEmpty() ? 200 : 400, contactId, typed, version,
                    Map.of("errors", errors, "more", more));
            return;
        }
        try {
            contacts.change(contactId, card -> typed.details().keepingWhatIsNotShownOf(card), version);
        } catch (ConstraintViolationException invalid) {
            render(request, response, 400, contactId, typed, version,
                    Map.of("errors", ContactFormPage.errorsOf(invalid)));
            return;
        } catch (ContactEditConflict conflict) {
            Contact current = contacts.view(contactId);
            render(request, response, 409, contactId, typed, current.version(),
                    Map.of("alert", conflict.getMessage(), "current", ContactForm.of(current)));
            return;
        }
        Pages.redirect(request, response, "/contacts/" + contactId);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, UUID contactId,
            ContactForm form, long version, Map<String, ?> answer) throws IOException {
        Map<String, Object> variables = new HashMap<>(answer);
        variables.putAll(Map.of("heading", "contact.edit", "action", "/contacts/" + contactId + "/edit",
                "cancel", "/contacts/" + contactId, "form", form, "version", version));
        page.render(request, response, status, variables);
    }
}
