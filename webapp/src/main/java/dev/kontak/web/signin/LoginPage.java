package dev.kontak.web.signin;

import dev.kontak.auth.control.SignInThrottle;
import dev.kontak.web.page.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/** Sign in with e-mail and password; one message for every failure, so it never tells whether an e-mail exists. */
@WebServlet("/login")
public class LoginPage extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    BrowserSignIn signIn;

    @Inject
    SignInThrottle throttle;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (SignedIn.in(request).isPresent()) {
            Pages.redirect(request, response, "/contacts");
            return;
        }
        pages.render(request, response, 200, "login", Map.of("email", ""));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = Objects.requireNonNullElse(request.getParameter("email"), "").strip();
        String password = Objects.requireNonNullElse(request.getParameter("password"), "");
        if (signIn.attempt(request, response, email, password)) {
            Pages.redirect(request, response, "/contacts");
            return;
        }
        String error = !email.isEmpty() && throttle.isLocked(email) ? "signin.locked" : "signin.failed";
        pages.render(request, response, 401, "login", Map.of("email", email, "error", error));
    }
}
