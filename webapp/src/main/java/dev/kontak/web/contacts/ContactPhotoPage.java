package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.entity.InvalidPhoto;
import dev.kontak.contacts.entity.Photo;
import dev.kontak.web.page.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /contacts/{id}/photo}: the picture, for whoever may see the contact (checked on every request: the browser
 * keeps it only to ask whether it changed), and the contact page's form that uploads another (multipart
 * {@code file}) or removes it ({@code remove}). A file that is no photo Kontak keeps is refused on the page,
 * beside the form, and nothing changes.
 */
@ApplicationScoped
public class ContactPhotoPage {

    @Inject
    ContactBook contacts;

    @Inject
    ContactCard card;

    void show(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        Photo photo = contacts.view(contactId).details().photo();
        if (photo == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String tag = "\"" + photo.tag() + "\"";
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("ETag", tag);
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(photo.mediaType());
        byte[] image = photo.image();
        response.setContentLength(image.length);
        response.getOutputStream().write(image);
    }

    void change(HttpServletRequest request, HttpServletResponse response, UUID contactId) throws IOException {
        try {
            Photo photo = request.getParameter("remove") != null ? null : Photo.read(file(request));
            contacts.change(contactId, details -> details.withPhoto(photo), null);
        } catch (InvalidPhoto invalid) {
            card.show(request, response, contactId, 400, Map.of("photoError", invalid.getMessage()));
            return;
        }
        Pages.redirect(request, response, "/contacts/" + contactId);
    }

    /** At most one byte more than a photo may have: enough to tell that it is too large. */
    private static byte[] file(HttpServletRequest request) throws IOException {
        Part part;
        try {
            part = request.getPart("file");
        } catch (ServletException notMultipart) {
            part = null;
        }
        if (part == null || part.getSize() == 0) {
            throw new InvalidPhoto("Choose a photo to upload.");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(Photo.MAX_BYTES + 1);
        }
    }
}
