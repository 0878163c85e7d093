package dev.kontak.web.contacts;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The signed-in user's contacts, searched by name, e-mail, phone or company ({@code ?q=}), sorted
 * ({@code ?sort=newest|name}) and paged by cursors ({@code ?after=}, {@code ?before=}); where everyone lands after
 * signing in.
 */
@WebServlet("/contacts")
public class ContactsPage extends HttpServlet {

    @Inject
    ContactList list;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        list.show(request, response);
    }
}
