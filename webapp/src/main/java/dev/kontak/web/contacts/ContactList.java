package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactOrder;
import dev.kontak.contacts.boundary.ContactPage;
import dev.kontak.contacts.boundary.ContactQuery;
import dev.kontak.contacts.boundary.MatchCount;
import dev.kontak.contacts.boundary.PageCursors;
import dev.kontak.contacts.boundary.TeamView;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.web.page.ConditionalGet;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
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
 * The contact list, 20 a page, newest first or by name, optionally narrowed by a search (ranked by relevance),
 * with Next and Previous links that carry cursors (see {@link ListRequest}). It is also where a refused operation
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

    @Inject
    PageCursors cursors;

    @Inject
    Metadata metadata;

    /** Answers 304 while the user's metadata has not moved since the browser's copy. */
    void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        String query = Parameters.text(request, "q").strip();
        String sort = request.getParameter("sort");
        ContactQuery asked;
        try {
            asked = ListRequest.read(user, cursors, query, sort, request.getParameter("after"),
                    request.getParameter("before"), request.getParameter("page"), PAGE_SIZE);
        } catch (ListRequest.Invalid invalid) {
            // the first page of the same list, with what was wrong; nothing else changes
            ContactOrder order = ContactOrder.chosen(sort == null ? "" : sort.strip()).orElse(ContactOrder.NEWEST);
            render(request, response, 400, ContactQuery.first(query.length() > ListRequest.MAX_QUERY_LENGTH ? "" : query,
                    order, PAGE_SIZE), Map.of("alert", invalid.getMessage(), MetadataVersion.FIELD, versions.current()));
            return;
        }
        long cacheVersion = versions.current();
        ConditionalGet conditional = ConditionalGet.of(request, user, cacheVersion);
        if (!conditional.notModified(request, response)) {
            conditional.mark(response);
            render(request, response, 200, asked, Map.of(MetadataVersion.FIELD, cacheVersion));
        }
    }

    /** The same answer whether the contact is someone else's, gone, or never existed; nothing was written. */
    void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, 403, ContactQuery.first("", ContactOrder.NEWEST, PAGE_SIZE),
                Map.of("alert", ContactAccessDenied.MESSAGE, "outdated", versions.isBehind(request),
                        MetadataVersion.FIELD, versions.current()));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, ContactQuery query,
            Map<String, Object> notes) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        ContactPage result = contacts.list(query);
        Map<String, Object> variables = new HashMap<>(notes);
        variables.put("result", result);
        variables.put("query", query.text());
        variables.put("sort", query.order().parameter());
        variables.put("next", result.hasNext() ? cursors.encode(result.next(), user, query.text()) : "");
        variables.put("previous", result.hasPrevious() ? cursors.encode(result.previous(), user, query.text()) : "");
        variables.put("total", !query.isSearch() ? new MatchCount(metadata.contactCount(), true)
                : query.isFirstPage() ? contacts.count(query.text(), ListRequest.MAX_COUNTED) : null);
        variables.put("teamNames", teamNames(teams.teamsOf()));
        pages.render(request, response, status, "contacts", variables);
    }

    /** Every contact a user sees is shared, if at all, with a team they belong to: their teams name them all. */
    static Map<UUID, String> teamNames(List<TeamView> yourTeams) {
        return yourTeams.stream().collect(Collectors.toMap(view -> view.team().id(), view -> view.team().name()));
    }
}
