package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ActivityLog;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.TeamView;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.contacts.control.PhoneNumbers;
import dev.kontak.contacts.entity.Activity;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.PostalAddress;
import dev.kontak.kernel.UserId;
import dev.kontak.web.page.ConditionalGet;
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
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    PhoneNumbers phoneNumbers;

    @Inject
    Clock clock;

    /** A labelled value as the page shows it. */
    public record Line(String label, String text) {
    }

    /** A postal address as the page shows it, a line per part that is there. */
    public record Address(String label, List<String> lines) {

        static Address of(PostalAddress address) {
            String town = Stream.of(address.postalCode(), address.locality()).filter(Objects::nonNull)
                    .collect(Collectors.joining(" "));
            return new Address(address.label(), Stream.of(address.poBox(), address.extended(), address.street(),
                    town.isEmpty() ? null : town, address.region(), address.country()).filter(Objects::nonNull).toList());
        }
    }

    /** Answers 304 while the user's metadata has not moved since the browser's copy. */
    void show(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        long cacheVersion = versions.current();
        // an unchanged cache_version means unchanged access too: the 304 needs no access check
        ConditionalGet conditional = ConditionalGet.of(request, user, cacheVersion);
        if (!conditional.notModified(request, response)) {
            render(request, response, contactId, cacheVersion, conditional, 200, Map.of());
        }
    }

    /** @param answer what this answer adds to the page: an alert, or a rejected activity form and its errors */
    void show(HttpServletRequest request, HttpServletResponse response, UUID contactId, int status,
            Map<String, ?> answer) throws IOException {
        render(request, response, contactId, versions.current(), null, status, answer);
    }

    /** @param conditional the tag of a page that may be cached, or null for answers that must not be */
    private void render(HttpServletRequest request, HttpServletResponse response, UUID contactId, long cacheVersion,
            ConditionalGet conditional, int status, Map<String, ?> answer) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        List<Activity> timeline = activities.timeline(contactId);
        Contact contact = contacts.view(contactId);
        List<TeamView> yourTeams = teams.teamsOf();
        Map<String, Object> variables = new HashMap<>();
        variables.put("contact", contact);
        ContactDetails card = contact.details();
        variables.put("card", card);
        variables.put("phones", card.phones().stream().map(phone -> new Line(phone.label(), phoneNumbers.formatted(phone)))
                .toList());
        variables.put("addresses", card.addresses().stream().map(Address::of).toList());
        variables.put("timeline", timeline);
        variables.put("owner", contact.isOwnedBy(UserId.of(user)));
        variables.put("teams", yourTeams);
        variables.put("sharedWith", contact.teamId() == null ? "" : ContactList.teamNames(yourTeams)
                .getOrDefault(contact.teamId(), ""));
        variables.put("types", List.of(ActivityType.values()));
        variables.put("time", UtcTime.PAGES);
        variables.put(MetadataVersion.FIELD, cacheVersion);
        variables.put("newActivity", ActivityForm.blank(clock.instant()));
        variables.put("errors", Map.of());
        variables.putAll(answer);
        if (conditional != null) {
            conditional.mark(response);
        }
        pages.render(request, response, status, "contact", variables);
    }
}
