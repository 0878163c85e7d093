package dev.kontak.web.account;

import dev.kontak.auth.boundary.AppPasswords;
import dev.kontak.auth.boundary.IssuedAppPassword;
import dev.kontak.web.page.Parameters;
import dev.kontak.web.page.Violations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /account}: your app passwords, and creating one. The new token is shown in the answer to the form itself,
 * not after a redirect: keeping it anywhere for a later page (the session is replicated across the cluster) would
 * store the secret that is meant to exist only in its client.
 */
@WebServlet("/account")
public class AccountPage extends HttpServlet {

    @Inject
    AppPasswordList list;

    @Inject
    AppPasswords appPasswords;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        list.show(request, response, 200, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = Parameters.text(request, "name");
        IssuedAppPassword issued;
        try {
            issued = appPasswords.create(name);
        } catch (ConstraintViolationException invalid) {
            list.show(request, response, 400, Map.of("name", name, "errors", Violations.byField(invalid)));
            return;
        }
        list.show(request, response, 200, Map.of("issued", issued));
    }
}
