package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactQuery;
import dev.kontak.contacts.boundary.InvalidField;
import dev.kontak.contacts.boundary.PageCursors;
import dev.kontak.contacts.control.PhoneNumbers;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.metadata.control.AccessDecision;
import dev.kontak.vcards.boundary.AddressBookExport;
import dev.kontak.web.contacts.BulkActions;
import dev.kontak.web.contacts.ListRequest;
import dev.kontak.web.page.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's contacts: those they own and those shared with their teams. Every operation on one contact is
 * validated against the caller's metadata by the contacts module; refusals are answered by
 * {@link ContactAccessDenials}, {@link ContactRefusals} and {@link ContactEditConflicts}.
 */
@Tag(name = "contacts", description = "The caller's contacts: owned and shared with their teams")
@Path("contacts")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

    static final int MAX_PAGE_SIZE = 100;
    private static final long DEFAULT_PAGE_SIZE = 20;
    private static final String DETAILS = "a contact ({\"name\", \"emails\", \"phones\", ...} or {\"name\", \"email\", "
            + "\"phone\", \"company\", \"notes\"})";

    @Inject
    Caller caller;

    @Inject
    ContactBook contacts;

    @Inject
    Metadata metadata;

    @Inject
    PageCursors cursors;

    @Inject
    PhoneNumbers phones;

    @Inject
    AddressBookExport export;

    @Inject
    BulkActions bulk;

    @Context
    UriInfo uri;

    /** Keyset pages: {@code after} and {@code before} are the {@code next} and {@code previous} of an answer. */
    @GET
    public ContactList search(@QueryParam("q") String query, @QueryParam("sort") String sort,
            @QueryParam("after") String after, @QueryParam("before") String before, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("label") String label) {
        UUID user = caller.id().value();
        int pageSize = (int) Parameters.wholeNumber("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        ContactQuery request;
        try {
            request = ListRequest.read(user, cursors, query, sort, after, before, page, pageSize)
                    .filedUnder(ListRequest.label(label));
        } catch (ListRequest.Invalid invalid) {
            throw new InvalidParameter(invalid.parameter(), invalid.getMessage());
        }
        return ContactList.of(contacts.list(request), pageSize, ListRequest.total(request, contacts, metadata),
                cursor -> cursors.encode(cursor, user, request.text()));
    }

    @POST
    public Response create(ContactInput input) {
        Contact created = checked(Parameters.body(input, DETAILS), () -> contacts.create(input.details()));
        return Response.created(uri.getBaseUriBuilder().path("contacts").path(created.id().toString()).build())
                .entity(view(created)).build();
    }

    /**
     * The caller's contacts, those {@code q} finds (among those filed under {@code label}), or those chosen ({@code id=…&id=…}), as one file: {@code format=vcard} (4.0, the default),
     * {@code vcard3} (3.0) or {@code csv} (Google Contacts' layout), written while it is read ({@link AddressBookExport}).
     */
    @GET
    @Path("export")
    @Produces({"text/vcard", "text/csv"})
    public Response export(@QueryParam("format") String format, @QueryParam("q") String query,
            @QueryParam("label") String label, @QueryParam("id") List<String> ids) {
        AddressBookExport.Format chosen;
        try {
            chosen = AddressBookExport.Format.of(format);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameter("format", unknown.getMessage());
        }
        List<UUID> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(Parameters.id("id", id));
        }
        StreamingOutput file = out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (selected.isEmpty()) {
                export.write(query, label == null ? "" : label, chosen, text);
            } else {
                export.write(selected, chosen, text);
            }
            text.flush();
        };
        return Response.ok(file, chosen.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + chosen.fileName() + "\"").build();
    }

    /**
     * Merges contacts into the one kept ({@link ContactBook#merge}): 200 with the kept contact; 400 for a request
     * that names no merge; 403, nothing written, when the caller may not edit the kept contact or is not the
     * owner of one merged.
     */
    @POST
    @Path("merge")
    public ContactView merge(MergeInput input) {
        return view(contacts.merge(Parameters.body(input, "{\"keep\": id, \"merge\": [ids], \"fields\": {...}}")
                .request()));
    }

    /**
     * A bulk action on the contacts chosen, or on all that {@code q} finds ({@link BulkActions}): 200 with how many it
     * was done to and those left with the reason; 400, nothing written, for a request that says no action.
     */
    @POST
    @Path("bulk")
    public BulkResult bulk(BulkInput input) {
        Parameters.body(input, "{\"action\": \"add-label\", \"ids\": [...], \"label\": \"...\"}");
        try {
            return BulkResult.of(bulk.apply(input.action(), input.selection(), input.label(), input.team()));
        } catch (InvalidField invalid) {
            throw new InvalidParameter(invalid.field(), invalid.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public ContactView view(@PathParam("id") String id) {
        return view(contacts.view(Parameters.id("id", id)));
    }

    @PUT
    @Path("{id}")
    public ContactView update(@PathParam("id") String id, ContactInput update) {
        UUID contactId = Parameters.id("id", id);
        Parameters.body(update, DETAILS + " and the \"version\" you saw");
        return view(checked(update, () -> update.usesQuickFields()
                ? contacts.change(contactId, update::appliedTo, update.version())
                : contacts.change(contactId, card -> update.details().keepingWhatIsNotShownOf(card), update.version())));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) {
        contacts.delete(Parameters.id("id", id));
    }

    /** Shares the contact with one of the caller's teams, or stops sharing it ({@code "teamId": null}). */
    @PUT
    @Path("{id}/team")
    public ContactView share(@PathParam("id") String id, TeamChoice choice) {
        UUID contactId = Parameters.id("id", id);
        String team = Parameters.body(choice, "{\"teamId\": \"...\"} or {\"teamId\": null}").teamId();
        UUID teamId = team == null ? null : Parameters.id("teamId", team);
        return view(contacts.shareWith(contactId, teamId));
    }

    private ContactView view(Contact contact) {
        return ContactView.of(contact, phones::formatted);
    }

    /** Invalid fields answered by the names the client sent: a quick-form client sent "email", not "emails[0]". */
    private static Contact checked(ContactInput input, Supplier<Contact> change) {
        try {
            return change.get();
        } catch (ConstraintViolationException invalid) {
            if (!input.usesQuickFields()) {
                throw invalid;
            }
            throw new WebApplicationException(ApiError.answer(400, "Invalid input.",
                    Violations.byField(invalid, ContactDetails::quickField)));
        }
    }

    /** Asks without doing anything: the seed's validate_contact_access. */
    @GET
    @Path("{id}/access")
    public AccessDecision access(@PathParam("id") String id) {
        return metadata.validateAccess(Parameters.id("id", id));
    }
}
