package dev.kontak.web.api;

import dev.kontak.imports.boundary.ContactImports;
import dev.kontak.imports.boundary.ImportStatus;
import dev.kontak.web.page.UploadedFile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Imports of contact files: the file is the body ({@code text/vcard} or {@code text/csv}), checked at once and
 * imported in the background; its status and report are read back by id.
 */
@Tag(name = "imports", description = "Contact files imported in the background, with a per-row report and undo")
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    private static final int MAX_ROWS = 1000;

    @Inject
    ContactImports imports;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Import a vCard or CSV file", description = "The file is the body: Content-Type text/vcard "
            + "(2.1, 3.0, 4.0) or text/csv (Google, Outlook, or any CSV with columns=). onMatch=skip|update|create says "
            + "what to do with a row whose e-mail or phone matches a contact you may edit (default skip). 202 with the "
            + "import's id and status; 400 naming the first bad line of a file that is not what its type says; 409 "
            + "while another import of yours runs; 413 over 50 MB or 200,000 contacts.")
    public Response start(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @QueryParam("onMatch") String onMatch, @QueryParam("columns") String columns,
            @QueryParam("name") String name) throws IOException {
        byte[] file = UploadedFile.read(body, imports.maxBytes());
        ImportStatus started = imports.start(file, type, name, onMatch, columns);
        return Response.accepted(ImportView.of(started, List.of(), MAX_ROWS))
                .location(uri.getBaseUriBuilder().path("imports").path(started.id().toString()).build()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Where an import is, and what became of its rows after a line (after=, limit= up to 1000)")
    public ImportView status(@PathParam("id") String id, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        int rows = (int) Parameters.wholeNumber("limit", limit, 100L, 1, MAX_ROWS);
        ImportStatus status = imports.status(Parameters.id("id", id));
        return ImportView.of(status, imports.rows(status.id(),
                (int) Parameters.wholeNumber("after", after, 0L, 0, Integer.MAX_VALUE), rows), rows);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Stop an import or undo after the batch in hand; 409 if it is not running")
    public ImportView cancel(@PathParam("id") String id) {
        return ImportView.of(imports.cancel(Parameters.id("id", id)), List.of(), MAX_ROWS);
    }

    @POST
    @Path("{id}/undo")
    @Operation(summary = "Undo an import in the background: delete what it created, restore what it updated, "
            + "except contacts changed since (the rows say which were left); 202")
    public Response undo(@PathParam("id") String id) {
        return Response.accepted(ImportView.of(imports.undo(Parameters.id("id", id)), List.of(), MAX_ROWS)).build();
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    @Operation(summary = "The report: one CSV line per contact of the file, with its outcome and reason")
    public Response report(@PathParam("id") String id) {
        UUID importId = Parameters.id("id", id);
        imports.status(importId);
        StreamingOutput report = out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            imports.report(importId, text);
            text.flush();
        };
        return Response.ok(report, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"kontak-import-report.csv\"").build();
    }
}
