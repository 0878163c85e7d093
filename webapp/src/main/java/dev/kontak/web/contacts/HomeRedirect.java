package dev.kontak.web.contacts;

import dev.kontak.web.page.Pages;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The application's root is the contacts list. */
@WebServlet("")
public class HomeRedirect extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Pages.redirect(request, response, "/contacts");
    }
}
