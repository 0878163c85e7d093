package dev.kontak.web.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL text cannot hold the NUL character, so a query parameter with one (such as {@code ?label=%00}) would
 * fail deep in a search: it is refused with 400 before anything reads it (FuzzedRequestsIT found the 500).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NulInQuery extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (holdsNul(request.getQueryString())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean holdsNul(String query) {
        if (query == null || !query.contains("%00") && query.indexOf('\0') < 0) {
            return false;
        }
        try {
            return URLDecoder.decode(query, StandardCharsets.UTF_8).indexOf('\0') >= 0;
        } catch (IllegalArgumentException malformed) {
            return false; // the parameters' own parsing answers it
        }
    }
}
