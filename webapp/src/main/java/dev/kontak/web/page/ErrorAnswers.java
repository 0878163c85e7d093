package dev.kontak.web.page;

import dev.kontak.web.platform.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The answer to a request that failed: a Kontak page, or JSON under {@code /api}, never a stack trace. Written
 * here rather than left to the container's error pages where a request is refused before any servlet runs (signing
 * in while the database is away): Payara builds what finds its error pages on first use, and two first failures at
 * once can leave one of them with no body.
 */
@ApplicationScoped
public class ErrorAnswers {

    @Inject
    Pages pages;

    /**
     * @param message the message key to show
     * @param uri     the request's URI, which decides between page and JSON
     */
    public void send(HttpServletRequest request, HttpServletResponse response, int status, String message, String uri)
            throws IOException {
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            DatabaseOutage.askToRetry(response);
        }
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(status);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + pages.text(message) + "\"}");
            return;
        }
        pages.render(request, response, status, "error", Map.of("status", status, "message", message));
    }
}
