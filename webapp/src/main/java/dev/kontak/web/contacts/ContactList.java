package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactPage;
import dev.kontak.contacts.boundary.TeamView;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.web.page.ConditionalGet;
import dev.kontak.web.page.Pages;
import dev.kontak.web.signin.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The contact list, newest first, 20 a page, optionally narrowed by a search. It is also where a refused operation
 * on a contact lands: the contact it came from may no longer be shown.
 */
@ApplicationScoped
public class ContactList {

    static final int PAGE_SIZE = 20;

    @Inject
    Pages pages;

    @Inject
    ContactBook contacts;

    @Inject
    Teams teams;

    @Inject
    MetadataVersion versions;

    /** Answers 304 while the user's metadata has not moved since the browser's copy. */
    void show(HttpServletRequest request, HttpServletResponse response, String query, int page) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        long cacheVersion = versions.current(user);
        ConditionalGet conditional = ConditionalGet.of(request, user, cacheVersion);
        if (!conditional.notModified(request, response)) {
            conditional.mark(response);
            render(request, response, 200, query, page, Map.of(MetadataVersion.FIELD, cacheVersion));
        }
    }

    /** The same answer whether the contact is someone else's, gone, or never existed; nothing was written. */
    void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        render(request, response, 403, "", 1,
                Map.of("alert", ContactAccessDenied.MESSAGE, "outdated", versions.isBehind(request, user),
                        MetadataVersion.FIELD, versions.current(user)));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String query, int page,
            Map<String, Object> notes) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        ContactPage result = contacts.search(user, query, page, PAGE_SIZE);
        Map<String, Object> variables = new HashMap<>(notes);
        variables.put("result", result);
        variables.put("query", query.strip());
        variables.put("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        variables.put("teamNames", teamNames(teams.teamsOf(user)));
        pages.render(request, response, status, "contacts", variables);
    }

    /** Every contact a user sees is shared, if at all, with a team they belong to: their teams name them all. */
    static Map<UUID, String> teamNames(List<TeamView> yourTeams) {
        return yourTeams.stream().collect(Collectors.toMap(view -> view.team().id(), view -> view.team().name()));
    }
}
