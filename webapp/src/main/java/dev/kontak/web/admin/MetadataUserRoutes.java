package dev.kontak.web.admin;

import dev.kontak.admin.boundary.MetadataDirectory;
import dev.kontak.admin.boundary.UserMetadataDetails;
import dev.kontak.metadata.boundary.MetadataView;
import dev.kontak.web.contacts.UtcTime;
import dev.kontak.web.page.Ages;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import dev.kontak.web.page.ResourcePath;
import dev.kontak.web.page.ResourceRoutes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /admin/metadata/users/{id}}: one user's metadata, every column, with their latest refused operations;
 * {@code POST …/refresh} recomputes it from the data now and comes back with the new cache_version. An id that is
 * malformed or no user's answers 404.
 */
@WebServlet("/admin/metadata/users/*")
public class MetadataUserRoutes extends ResourceRoutes {

    @Inject
    Pages pages;

    @Inject
    MetadataDirectory directory;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, String route, ResourcePath path)
            throws IOException {
        switch (route) {
            case "GET " -> show(request, response, path.id());
            case "POST refresh" -> refresh(request, response, path.id());
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, UUID user) throws IOException {
        Optional<UserMetadataDetails> details = directory.details(user);
        if (details.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> variables = new HashMap<>(Map.of("user", details.get(), "times", UtcTime.PAGES,
                "ages", Ages.PAGES));
        Parameters.number(request, "refreshed").ifPresent(version -> variables.put("refreshedTo", version));
        pages.render(request, response, 200, "admin-user", variables);
    }

    private void refresh(HttpServletRequest request, HttpServletResponse response, UUID user) throws IOException {
        Optional<MetadataView> refreshed = directory.refreshNow(user);
        if (refreshed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Pages.redirect(request, response, "/admin/metadata/users/" + user + "?refreshed=" + refreshed.get().cacheVersion());
    }
}
