package dev.kontak.web.page;

import dev.kontak.contacts.entity.Photo;
import dev.kontak.imports.boundary.ContactImports;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body larger than any Kontak form or API body can legitimately be (413), before anything
 * reads it: the largest, a contact with 10,000 characters of notes, is under 100 KB even url-encoded in UTF-8.
 * Mapped first in {@code web.xml}, so that no other filter parses the body before. It judges the declared
 * {@code Content-Length}: a body sent in chunks without one is not limited here (browsers and HTTP clients send
 * forms and JSON with a length). A file sent to be imported may be as large as an import allows, and a little more
 * for the form around it; what reads it stops at that limit too ({@link UploadedFile}); so may a contact's photo and a CardDAV card. A bulk action may name as
 * many contacts as {@code kontak.bulk.max-contacts}, 64 bytes each at most (an id with its quotes or its
 * {@code &id=}).
 */
@WebFilter(filterName = "RequestSizeLimit", asyncSupported = true)
public class RequestSizeLimit extends HttpFilter {

    static final long MAX_BYTES = 256 * 1024;
    private static final long MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

    private static final long BYTES_PER_ID = 64;
    private static final Pattern PHOTO = Pattern.compile("(/api)?/contacts/[^/]+/photo");

    @Inject
    ContactImports imports;

    @Inject
    @ConfigProperty(name = "kontak.bulk.max-contacts", defaultValue = "10000")
    int maxBulkContacts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > limitOf(request)) {
            discard(request.getInputStream());
            request.setAttribute(ErrorPage.MESSAGE, "error.413");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/imports") || path.equals("/contacts/import")) {
            return imports.maxBytes() + MAX_BYTES;
        }
        if (PHOTO.matcher(path).matches()) {
            return Photo.MAX_BYTES + MAX_BYTES;
        }
        if (path.startsWith("/dav/")) {
            return 2L * Photo.MAX_BYTES + MAX_BYTES; // a card carries its photo as base64
        }
        if (path.equals("/api/contacts/bulk") || path.equals("/contacts/bulk")) {
            return maxBulkContacts * BYTES_PER_ID + MAX_BYTES;
        }
        return MAX_BYTES;
    }

    /**
     * Reads what the client is still sending, up to a bound: a connection closed on unread data is reset, and a
     * client busy sending then loses the answer. Beyond the bound the reset is what a flood deserves.
     */
    private static void discard(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DISCARDED_BYTES;
        int read;
        while (left > 0 && (read = body.read(buffer)) != -1) {
            left -= read;
        }
    }
}
