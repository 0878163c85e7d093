package dev.kontak.web.contacts;

import dev.kontak.web.page.Parameters;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The signed-in user's contacts, searched by name, e-mail, phone or company ({@code ?q=}) and paged
 * ({@code ?page=}); where everyone lands after signing in.
 */
@WebServlet("/contacts")
public class ContactsPage extends HttpServlet {

    /** Far beyond any real list, and low enough that the row offset, page times 20, stays an int. */
    private static final long LAST_PAGE = 1_000_000;

    @Inject
    ContactList list;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long page = Math.max(1, Math.min(Parameters.number(request, "page").orElse(1), LAST_PAGE));
        list.show(request, response, Parameters.text(request, "q"), (int) page);
    }
}
