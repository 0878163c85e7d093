package dev.kontak.web.contacts;

import dev.kontak.web.page.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The signed-in user's contacts; where everyone lands after signing in. */
@WebServlet("/contacts")
public class ContactsPage extends HttpServlet {

    @Inject
    Pages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, 200, "contacts", Map.of());
    }
}
