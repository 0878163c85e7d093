package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.ResourcePath;
import dev.kontak.web.page.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/** Logging an activity on a contact's timeline, and deleting one. */
@ApplicationScoped
public class ActivityActions {

    @Inject
    ActivityLog activities;

    @Inject
    ContactCard card;

    void log(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        ActivityForm typed = ActivityForm.read(request);
        try {
            activities.log(contactId, typed.details());
        } catch (ConstraintViolationException invalid) {
            card.show(request, response, contactId, 400,
                    Map.of("newActivity", typed, "errors", Violations.byField(invalid)));
            return;
        }
        Pages.redirect(request, response, "/contacts/" + contactId);
    }

    /** {@code /contacts/{id}/activities/{activityId}/delete}: access is checked on the activity's own contact. */
    void delete(HttpServletRequest request, HttpServletResponse response, ResourcePath path) throws IOException {
        activities.delete(path.itemId());
        Pages.redirect(request, response, "/contacts/" + path.id());
    }
}
