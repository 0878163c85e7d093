package dev.kontak.web.signin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs a browser in with an e-mail and password, through {@link SignInMechanism}. */
@ApplicationScoped
public class BrowserSignIn {

    @Inject
    SecurityContext security;

    public boolean attempt(HttpServletRequest request, HttpServletResponse response, String email, String password) {
        if (email.isEmpty() || password.isEmpty()) {
            return false;
        }
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(email, password)).newAuthentication(true));
        return status == AuthenticationStatus.SUCCESS;
    }
}
