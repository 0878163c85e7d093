package dev.kontak.web.page;

import dev.kontak.web.platform.DatabaseOutage;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a person sees when something goes wrong: a Kontak page (or JSON under {@code /api}), never a stack trace.
 * Mapped to every error status and exception in {@code web.xml}.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    /** Request attribute: message key to show instead of the status's default. */
    public static final String MESSAGE = ErrorPage.class.getName() + ".message";

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Inject
    ErrorAnswers answers;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = Objects.requireNonNullElse((Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE), 500);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (DatabaseOutage.explains(failure)) {
            LOG.warning(() -> "Request answered 503, the database is unreachable: "
                    + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + ": " + failure);
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        } else if (failure != null) {
            LOG.log(Level.SEVERE, "Request failed: " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
        }
        String message = Objects.requireNonNullElse((String) request.getAttribute(MESSAGE), "error." + known(status));
        answers.send(request, response, status, message,
                Objects.toString(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), ""));
    }

    private static int known(int status) {
        return switch (status) {
            case 400, 403, 404, 405, 413, 415, 503 -> status;
            default -> 500;
        };
    }
}
