package dev.kontak.web.admin;

import dev.kontak.admin.boundary.AccessAudit;
import dev.kontak.web.contacts.UtcTime;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /admin/audit}: refused operations on contacts, newest first, 50 a page, filtered by the user's e-mail
 * ({@code ?user=}, any part, any case) and a time range ({@code ?from=&to=}, UTC, as datetime-local fields send
 * it; from inclusive, to exclusive). A filter that cannot be read is shown next to its field with 400, and nothing
 * is listed.
 */
@WebServlet("/admin/audit")
public class AuditPage extends HttpServlet {

    private static final long LAST_PAGE = 1_000_000;

    @Inject
    Pages pages;

    @Inject
    AccessAudit audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = Parameters.text(request, "user").strip();
        String from = Parameters.text(request, "from").strip();
        String to = Parameters.text(request, "to").strip();
        int page = (int) Math.max(1, Math.min(Parameters.number(request, "page").orElse(1), LAST_PAGE));
        Map<String, String> errors = new TreeMap<>();
        if (user.length() > MetadataHealth.MAX_QUERY) {
            errors.put("user", pages.text("admin.search.tooLong"));
        }
        Optional<Instant> since = time(from, "from", errors);
        Optional<Instant> until = time(to, "to", errors);
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            errors.put("to", pages.text("admin.audit.toBeforeFrom"));
        }
        Map<String, Object> variables = new HashMap<>(Map.of("user", user, "from", from, "to", to, "errors", errors,
                "times", UtcTime.PAGES));
        if (errors.isEmpty()) {
            variables.put("refusals", audit.refusals(new AccessAudit.Filter(user, since.orElse(null), until.orElse(null)), page));
        }
        pages.render(request, response, errors.isEmpty() ? 200 : 400, "admin-audit", variables);
    }

    private Optional<Instant> time(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> time = text.length() > 30 ? Optional.empty() : UtcTime.parse(text);
        if (time.isEmpty()) {
            errors.put(field, pages.text("admin.audit.badTime"));
        }
        return time;
    }
}
