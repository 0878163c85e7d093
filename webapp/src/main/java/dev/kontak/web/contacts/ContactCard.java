package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.TeamView;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.contacts.entity.Activity;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.web.page.Pages;
import dev.kontak.web.signin.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One contact's page: its details, its timeline (latest first) and the forms that act on it. The owner also gets
 * delete and share; everyone who may see it may edit it and log activities.
 */
@ApplicationScoped
public class ContactCard {

    @Inject
    Pages pages;

    @Inject
    ContactBook contacts;

    @Inject
    ActivityLog activities;

    @Inject
    Teams teams;

    @Inject
    MetadataVersion versions;

    @Inject
    Clock clock;

    void show(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        show(request, response, contactId, 200, Map.of());
    }

    /** @param answer what this answer adds to the page: an alert, or a rejected activity form and its errors */
    void show(HttpServletRequest request, HttpServletResponse response, UUID contactId, int status,
            Map<String, ?> answer) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        long cacheVersion = versions.current(user);
        List<Activity> timeline = activities.timeline(user, contactId);
        Contact contact = contacts.view(user, contactId);
        List<TeamView> yourTeams = teams.teamsOf(user);
        Map<String, Object> variables = new HashMap<>();
        variables.put("contact", contact);
        variables.put("timeline", timeline);
        variables.put("owner", contact.isOwnedBy(user));
        variables.put("teams", yourTeams);
        variables.put("sharedWith", contact.teamId() == null ? "" : ContactList.teamNames(yourTeams)
                .getOrDefault(contact.teamId(), ""));
        variables.put("types", List.of(ActivityType.values()));
        variables.put("time", UtcTime.PAGES);
        variables.put(MetadataVersion.FIELD, cacheVersion);
        variables.put("newActivity", ActivityForm.blank(clock.instant()));
        variables.put("errors", Map.of());
        variables.putAll(answer);
        pages.render(request, response, status, "contact", variables);
    }
}
