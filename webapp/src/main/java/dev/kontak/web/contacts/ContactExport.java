package dev.kontak.web.contacts;

import dev.kontak.vcards.boundary.AddressBookExport;
import dev.kontak.web.page.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /contacts/export?q=&format=}: the list's download, the signed-in user's contacts (or what the search
 * finds) as a vCard or CSV file, as {@code GET /api/contacts/export} gives them to API clients.
 */
@ApplicationScoped
public class ContactExport {

    @Inject
    AddressBookExport export;

    void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AddressBookExport.Format format;
        try {
            format = AddressBookExport.Format.of(request.getParameter("format"));
        } catch (IllegalArgumentException unknown) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, unknown.getMessage());
            return;
        }
        response.setContentType(format.mediaType() + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + format.fileName() + "\"");
        export.write(Parameters.text(request, "q"), Parameters.text(request, "label"), format, response.getWriter());
    }
}
