package dev.kontak.web.account;

import dev.kontak.auth.boundary.AppPasswords;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.ResourcePath;
import dev.kontak.web.page.ResourceRoutes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /account/{id}/revoke}: revokes one of your app passwords; any other id is a 404 and changes nothing. */
@WebServlet("/account/*")
public class AppPasswordRoutes extends ResourceRoutes {

    @Inject
    AppPasswords appPasswords;

    @Override
    protected void route(HttpServletRequest request, HttpServletResponse response, String route, ResourcePath path)
            throws IOException {
        if (route.equals("POST revoke") && appPasswords.revoke(path.id())) {
            Pages.redirect(request, response, "/account");
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
