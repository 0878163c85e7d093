package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactRefused;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deleting a contact and sharing it with a team (or no team): both for its owner only. Someone else who may see
 * it gets its page back with the reason.
 */
@ApplicationScoped
public class ContactActions {

    @Inject
    ContactBook contacts;

    @Inject
    ContactCard card;

    void delete(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        try {
            contacts.delete(contactId);
        } catch (ContactRefused refused) {
            card.show(request, response, contactId, 403, Map.of("alert", refused.getMessage()));
            return;
        }
        Pages.redirect(request, response, "/contacts");
    }

    /** The form's {@code team} is a team id, or empty for "not shared". */
    void share(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        String team = Parameters.text(request, "team");
        Optional<UUID> teamId = Parameters.uuid(team);
        if (!team.isEmpty() && teamId.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            contacts.shareWith(contactId, teamId.orElse(null));
        } catch (ContactRefused refused) {
            card.show(request, response, contactId, 403, Map.of("alert", refused.getMessage()));
            return;
        }
        Pages.redirect(request, response, "/contacts/" + contactId);
    }
}
