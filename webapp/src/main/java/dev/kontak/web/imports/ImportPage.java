package dev.kontak.web.imports;

import dev.kontak.imports.boundary.ContactImports;
import dev.kontak.imports.boundary.ImportRefused;
import dev.kontak.imports.boundary.ImportStatus;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import dev.kontak.web.page.ResourcePath;
import dev.kontak.web.page.UploadedFile;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /contacts/import}: the form that uploads a vCard or CSV file (multipart), the columns step for a CSV file
 * whose headings Kontak cannot tell, the running import's progress (JSON at {@code /{id}/progress} for
 * {@code js/batch.js}), cancel, the summary with the rows that need a look, the report ({@code /{id}/report}) and
 * undo. The page shows the user's latest import, so a reload, or another node, shows where it is.
 */
@WebServlet({"/contacts/import", "/contacts/import/*"})
@MultipartConfig(fileSizeThreshold = 1024 * 1024)
public class ImportPage extends HttpServlet {

    /** Rows of a draft shown under its column choices. */
    private static final int PREVIEW_ROWS = 5;
    private static final int NOTABLE_ROWS = 200;

    /** What a column can hold, as {@code columns=} writes it, in the order the page offers them. */
    static final List<String> COLUMN_CHOICES = List.of("-", "name", "prefix", "given", "additional", "family",
            "suffix", "nickname", "email", "email:home", "email:work", "phone", "phone:mobile", "phone:home",
            "phone:work", "address", "address_street", "address_city", "address_region", "address_postcode",
            "address_country", "url", "organization", "department", "title", "birthday", "anniversary", "labels",
            "notes");

    @Inject
    ContactImports imports;

    @Inject
    ImportStatusText text;

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() == null) {
            show(request, response, 200, null);
            return;
        }
        Optional<ResourcePath> path = ResourcePath.parse(request.getPathInfo()).filter(found -> found.id() != null);
        try {
            switch (path.map(ResourcePath::action).orElse("")) {
                case "progress" -> progress(response, imports.status(path.get().id()));
                case "report" -> report(response, path.get().id());
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (ImportRefused refused) {
            response.sendError(refused.status());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<ResourcePath> path = request.getPathInfo() == null ? Optional.empty()
                : ResourcePath.parse(request.getPathInfo());
        if (request.getPathInfo() != null && path.filter(found -> found.id() != null).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            switch (path.map(ResourcePath::action).orElse("start")) {
                case "start" -> start(request);
                case "columns" -> imports.mapColumns(path.get().id(), columnsOf(request));
                case "cancel" -> imports.cancel(path.get().id());
                case "undo" -> imports.undo(path.get().id());
                default -> {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            }
        } catch (ImportRefused refused) {
            show(request, response, refused.status(), refused.getMessage());
            return;
        }
        Pages.redirect(request, response, "/contacts/import");
    }

    private void start(HttpServletRequest request) throws IOException, ServletException {
        Part file = request.getPart("file");
        if (file == null || file.getSize() == 0) {
            throw new ImportRefused(400, pages.text("import.chooseFile"));
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = UploadedFile.read(in, imports.maxBytes());
        }
        imports.startOrDraft(content, file.getContentType(), file.getSubmittedFileName(),
                Parameters.text(request, "onMatch"));
    }

    /** The draft's choices {@code column0}, {@code column1}, … as {@code columns=} writes them. */
    private static String columnsOf(HttpServletRequest request) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; request.getParameter("column" + i) != null; i++) {
            String choice = request.getParameter("column" + i);
            columns.add(COLUMN_CHOICES.contains(choice) ? choice : "-");
        }
        return String.join(",", columns);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String alert)
            throws IOException {
        Optional<ImportStatus> latest = imports.latest();
        Map<String, Object> page = new HashMap<>();
        if (alert != null) {
            page.put("alert", alert);
        }
        page.put("text", text);
        page.put("choices", COLUMN_CHOICES);
        latest.ifPresent(found -> {
            page.put("latest", found);
            if ("draft".equals(found.status())) {
                page.put("preview", imports.preview(found.id(), PREVIEW_ROWS));
            } else if (!found.running()) {
                page.put("notable", imports.notableRows(found.id(), NOTABLE_ROWS));
            }
        });
        pages.render(request, response, status, "import", page);
    }

    /** Where the import is, as {@code js/batch.js} reads it: the page reloads once it is no longer running. */
    private void progress(HttpServletResponse response, ImportStatus status) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", status.id().toString())
                .add("running", status.running()).add("total", status.total()).add("done", status.done())
                .add("status", text.progress(status));
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json.build().toString());
    }

    private void report(HttpServletResponse response, UUID id) throws IOException {
        imports.status(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"kontak-import-report.csv\"");
        imports.report(id, response.getWriter());
    }
}
