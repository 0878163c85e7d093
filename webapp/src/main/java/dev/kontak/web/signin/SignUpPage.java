package dev.kontak.web.signin;

import dev.kontak.auth.boundary.EmailAlreadyRegistered;
import dev.kontak.auth.boundary.NewAccount;
import dev.kontak.auth.boundary.Registration;
import dev.kontak.auth.boundary.SignUpClosed;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Violations;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/** Sign up, then land signed in on the contacts page. */
@WebServlet("/signup")
public class SignUpPage extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    Registration registration;

    @Inject
    BrowserSignIn signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!registration.isOpen()) {
            pages.render(request, response, 403, "signup-closed", Map.of());
            return;
        }
        pages.render(request, response, 200, "signup", Map.of("email", "", "displayName", "", "errors", Map.of()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NewAccount form = new NewAccount(parameter(request, "email").strip(), parameter(request, "password"),
                parameter(request, "displayName").strip());
        try {
            registration.signUp(form);
        } catch (SignUpClosed closed) {
            pages.render(request, response, 403, "signup-closed", Map.of());
            return;
        } catch (ConstraintViolationException invalid) {
            showAgain(request, response, form, Violations.byField(invalid));
            return;
        } catch (EmailAlreadyRegistered taken) {
            showAgain(request, response, form, Map.of("email", taken.getMessage()));
            return;
        }
        signIn.attempt(request, response, form.email(), form.password());
        Pages.redirect(request, response, "/contacts");
    }

    private void showAgain(HttpServletRequest request, HttpServletResponse response, NewAccount form,
            Map<String, String> errors) throws IOException {
        pages.render(request, response, 400, "signup",
                Map.of("email", form.email(), "displayName", form.displayName(), "errors", errors));
    }

    private static String parameter(HttpServletRequest request, String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "");
    }
}
