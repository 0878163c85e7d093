package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.boundary.ContactBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * {@code GET /contacts/{id}/state}: whether the signed-in user may still see a contact, and its version (which
 * moves with every change of the contact, its sharing and its timeline), as JSON for {@code /js/live.js}. It tells
 * a contact's page that is open elsewhere whether what it shows is still current; the answer for a contact that is
 * gone is the same as for one that was never the user's.
 */
@ApplicationScoped
public class ContactStatus {

    @Inject
    ContactBook contacts;

    void answer(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        String json;
        try {
            json = "{\"available\":true,\"version\":" + contacts.view(contactId).version() + "}";
        } catch (ContactAccessDenied denied) {
            json = "{\"available\":false}";
        }
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }
}
