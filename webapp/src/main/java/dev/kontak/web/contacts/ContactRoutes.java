package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.web.page.ResourcePath;
import dev.kontak.web.page.ResourceRoutes;
import jakarta.inject.Inject;
import dev.kontak.contacts.entity.Photo;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Everything under {@code /contacts/}: the new-contact form, export, duplicates and merge, and each contact's page,
 * photo and actions. Wherever the
 * user may not touch the contact (someone else's, deleted, unshared in the meantime, or never there), the answer
 * is the same: 403 and the contact list with the refusal; the boundary has written nothing but the audit.
 */
@WebServlet("/contacts/*")
@MultipartConfig(fileSizeThreshold = Photo.MAX_BYTES)
public class ContactRoutes extends ResourceRoutes {

    @Inject
    NewContactPage newContact;

    @Inject
    ContactCard card;

    @Inject
    ContactEditor editor;

    @Inject
    ContactActions actions;

    @Inject
    ActivityActions activities;

    @Inject
    ContactList list;

    @Inject
    ContactStatus status;

    @Inject
    ContactExport export;

    @Inject
    DuplicatesPage duplicates;

    @Inject
    ContactPhotoPage photos;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, String route, ResourcePath path)
            throws IOException {
        try {
            switch (route) {
                case "GET new" -> newContact.form(request, response);
                case "POST new" -> newContact.create(request, response);
                case "GET export" -> export.download(request, response);
                case "POST bulk" -> list.bulk(request, response);
                case "GET duplicates" -> duplicates.list(request, response);
                case "GET merge" -> duplicates.compare(request, response);
                case "POST merge" -> duplicates.merge(request, response);
                case "GET " -> card.show(request, response, path.id());
                case "GET state" -> status.answer(request, response, path.id());
                case "GET edit" -> editor.form(request, response, path.id());
                case "POST edit" -> editor.save(request, response, path.id());
                case "POST delete" -> actions.delete(request, response, path.id());
                case "POST share" -> actions.share(request, response, path.id());
                case "GET photo" -> photos.show(request, response, path.id());
                case "POST photo" -> photos.change(request, response, path.id());
                case "POST activities" -> activities.log(request, response, path.id());
                case "POST activities/delete" -> activities.delete(request, response, path);
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (ContactAccessDenied denied) {
            list.refused(request, response);
        }
    }
}
