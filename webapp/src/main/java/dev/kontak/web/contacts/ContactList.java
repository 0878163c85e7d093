package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.BulkOutcome;
import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactOrder;
import dev.kontak.contacts.boundary.ContactPage;
import dev.kontak.contacts.boundary.ContactQuery;
import dev.kontak.contacts.boundary.ContactRefused;
import dev.kontak.contacts.boundary.InvalidField;
import dev.kontak.contacts.boundary.PageCursors;
import dev.kontak.contacts.boundary.TeamView;
import dev.kontak.contacts.boundary.Teams;
import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.vcards.boundary.AddressBookExport;
import dev.kontak.web.page.ConditionalGet;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import dev.kontak.web.signin.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
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

    @Inject
    BulkActions bulk;

    @Inject
    AddressBookExport export;

    /** Answers 304 while the user's metadata has not moved since the browser's copy. */
    void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID user = SignedIn.in(request).orElseThrow().id();
        String query = Parameters.text(request, "q").strip();
        String sort = request.getParameter("sort");
        ContactQuery asked;
        try {
            asked = ListRequest.read(user, cursors, query, sort, request.getParameter("after"),
                    request.getParameter("before"), request.getParameter("page"), PAGE_SIZE)
                    .filedUnder(ListRequest.label(request.getParameter("label")));
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
        variables.put("label", query.label());
        variables.put("labels", contacts.labels());
        variables.put("total", ListRequest.total(query, contacts, metadata));
        variables.put("teamNames", teamNames(teams.teamsOf()));
        pages.render(request, response, status, "contacts", variables);
    }

    /**
     * {@code POST /contacts/bulk}: a bulk action on the contacts ticked (or all that the list's search finds), then
     * the first page of that list with what was done and, inline, what was not and why; or the selected contacts as
     * a vCard file ({@code action=export}).
     */
    void bulk(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = Parameters.text(request, "q").strip();
        String label = Parameters.text(request, "filedUnder").strip();
        ContactQuery first = ContactQuery.first(query, ContactOrder.NEWEST, PAGE_SIZE).filedUnder(label);
        String[] ticked = request.getParameterValues("id");
        List<UUID> ids = new ArrayList<>();
        for (String id : ticked == null ? new String[0] : ticked) {
            Parameters.uuid(id).ifPresent(ids::add);
        }
        BulkActions.Selection selection = new BulkActions.Selection(ids, "true".equals(request.getParameter("all")), query,
                label);
        String action = Parameters.text(request, "action");
        BulkOutcome outcome;
        try {
            if ("export".equals(action)) {
                exportOf(bulk.selected(selection), response);
                return;
            }
            outcome = bulk.apply(action, selection, Parameters.text(request, "label"),
                    Parameters.uuid(Parameters.text(request, "teamId")).orElse(null));
        } catch (InvalidField | ContactRefused refused) {
            render(request, response, 400, first, Map.of("alert", refused.getMessage(),
                    MetadataVersion.FIELD, versions.current()));
            return;
        }
        render(request, response, 200, first, Map.of(MetadataVersion.FIELD, versions.current(),
                "bulkDone", outcome.done().size(), "bulkLeft", leftOf(outcome)));
    }

    /** What was not done, by the contact's name where the user may still see it. */
    private List<String> leftOf(BulkOutcome outcome) {
        Map<UUID, String> names = new HashMap<>();
        contacts.cards(List.copyOf(outcome.left().keySet())).forEach(contact -> names.put(contact.id(), contact.name()));
        return outcome.left().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(left -> names.getOrDefault(left.getKey(), pages.text("bulk.unseen")) + ": " + left.getValue())
                .toList();
    }

    private void exportOf(List<UUID> ids, HttpServletResponse response) throws IOException {
        AddressBookExport.Format vcard = AddressBookExport.Format.VCARD;
        response.setContentType(vcard.mediaType() + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + vcard.fileName() + "\"");
        export.write(ids, vcard, response.getWriter());
    }

    /** Every contact a user sees is shared, if at all, with a team they belong to: their teams name them all. */
    static Map<UUID, String> teamNames(List<TeamView> yourTeams) {
        return yourTeams.stream().collect(Collectors.toMap(view -> view.team().id(), view -> view.team().name()));
    }
}
