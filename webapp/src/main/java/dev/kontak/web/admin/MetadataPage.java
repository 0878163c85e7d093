package dev.kontak.web.admin;

import dev.kontak.metadata.boundary.MetadataDirectory;
import dev.kontak.web.contacts.UtcTime;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/metadata}: the metadata health page. Every user's metadata in a table searched by e-mail
 * ({@code ?q=}, a case-insensitive part of the address) and paged ({@code ?page=}), 50 users a page by e-mail.
 */
@WebServlet("/admin/metadata")
public class MetadataPage extends HttpServlet {

    static final int MAX_QUERY = 100;
    private static final long LAST_PAGE = 1_000_000;

    @Inject
    Pages pages;

    @Inject
    MetadataDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = Parameters.text(request, "q").strip();
        int page = (int) Math.max(1, Math.min(Parameters.number(request, "page").orElse(1), LAST_PAGE));
        Map<String, Object> variables = new HashMap<>(Map.of("times", UtcTime.PAGES, "ages", Ages.PAGES));
        int status = 200;
        if (query.length() > MAX_QUERY) {
            variables.put("queryError", pages.text("admin.search.tooLong"));
            query = "";
            status = 400;
        }
        variables.put("query", query);
        variables.put("users", directory.users(query, page));
        pages.render(request, response, status, "admin-metadata", variables);
    }
}
