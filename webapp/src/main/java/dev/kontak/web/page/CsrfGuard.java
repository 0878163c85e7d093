package dev.kontak.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses every state-changing page request whose {@code _csrf} form field does not carry this session's token
 * (synchronizer token pattern), and every one that is not a form (415): url-encoded, or multipart where a page
 * uploads a file (its servlet reads the parts, the token among them). {@code /api/*} and CardDAV ({@code /dav/*},
 * {@code /.well-known/carddav}) are exempt: they authenticate with HTTP Basic only, never cookies, and check their
 * content types themselves.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CsrfGuard extends HttpFilter {

    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = CsrfGuard.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/") || path.equals("/dav") || path.startsWith("/dav/")
                || path.equals("/.well-known/carddav");
        if (api || SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!isForm(request)) {
            request.setAttribute(ErrorPage.MESSAGE, "error.415");
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (carriesValidToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ErrorPage.MESSAGE, "error.csrf");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** Page forms are sent as forms; anything else (JSON, XML, text) did not come from a Kontak page. */
    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && FORM_TYPES.contains(type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    }

    private static boolean carriesValidToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
        String given = request.getParameter(FIELD);
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** This session's token, created on first use. */
    public static String tokenFor(HttpSession session) {
        Object token = session.getAttribute(ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, token);
        }
        return (String) token;
    }
}
