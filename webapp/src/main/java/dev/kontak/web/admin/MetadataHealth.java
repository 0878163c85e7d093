package dev.kontak.web.admin;

import dev.kontak.admin.boundary.AllUsers;
import dev.kontak.admin.boundary.MetadataDirectory;
import dev.kontak.admin.boundary.MetadataFigures;
import dev.kontak.jobs.boundary.JobRunner;
import dev.kontak.web.contacts.UtcTime;
import dev.kontak.web.page.Ages;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the metadata health page: the figures of {@link MetadataFigures} with their charts, the batch run in progress or the last one's summary, and every user's
 * metadata in a table searched by e-mail ({@code ?q=}, any part of the address, any case, at most 100 characters)
 * and paged ({@code ?page=}, 50 users a page by e-mail).
 */
@ApplicationScoped
public class MetadataHealth {

    static final int MAX_QUERY = 100;
    private static final long LAST_PAGE = 1_000_000;

    @Inject
    Pages pages;

    @Inject
    MetadataDirectory directory;

    @Inject
    JobRunner runner;

    @Inject
    BatchStatus status;

    @Inject
    MetadataFigures figures;

    /** @param answer what this answer adds, such as an alert */
    void show(HttpServletRequest request, HttpServletResponse response, int code, Map<String, ?> answer)
            throws IOException {
        String query = Parameters.text(request, "q").strip();
        int page = (int) Math.max(1, Math.min(Parameters.number(request, "page").orElse(1), LAST_PAGE));
        Map<String, Object> variables = new HashMap<>(Map.of("times", UtcTime.PAGES, "ages", Ages.PAGES,
                "status", status));
        if (query.length() > MAX_QUERY) {
            variables.put("queryError", pages.text("admin.search.tooLong"));
            query = "";
            code = HttpServletResponse.SC_BAD_REQUEST;
        }
        variables.put("figures", HealthFigures.of(figures.report()));
        variables.put("query", query);
        variables.put("users", directory.users(query, page));
        runner.latest(AllUsers.LEASE).ifPresent(run -> variables.put("batch", run));
        variables.putAll(answer);
        pages.render(request, response, code, "admin-metadata", variables);
    }
}
