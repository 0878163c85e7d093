package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.web.page.ResourcePath;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Everything under {@code /contacts/}: the new-contact form, and each contact's page and actions. Wherever the
 * user may not touch the contact (someone else's, deleted, unshared in the meantime, or never there), the answer
 * is the same: 403 and the contact list with the refusal; the boundary has written nothing but the audit.
 */
@WebServlet("/contacts/*")
public class ContactRoutes extends HttpServlet {

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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/new".equals(request.getPathInfo())) {
            newContact.form(request, response);
            return;
        }
        answer(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/new".equals(request.getPathInfo())) {
            newContact.create(request, response);
            return;
        }
        answer(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourcePath path = ResourcePath.parse(request.getPathInfo()).orElse(null);
        if (path == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            switch (request.getMethod() + " " + path.action()) {
                case "GET " -> card.show(request, response, path.id());
                case "GET edit" -> editor.form(request, response, path.id());
                case "POST edit" -> editor.save(request, response, path.id());
                case "POST delete" -> actions.delete(request, response, path.id());
                case "POST share" -> actions.share(request, response, path.id());
                case "POST activities" -> activities.log(request, response, path.id());
                case "POST activities/delete" -> activities.delete(request, response, path);
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (ContactAccessDenied denied) {
            list.refused(request, response);
        }
    }
}
