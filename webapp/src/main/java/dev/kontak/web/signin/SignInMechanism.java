package dev.kontak.web.signin;

import dev.kontak.auth.control.Accounts;
import dev.kontak.auth.control.AppPasswordCredential;
import dev.kontak.web.page.ErrorAnswers;
import dev.kontak.web.platform.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * How callers prove who they are. Pages: a sign-in form ({@link LoginPage} calls
 * {@code SecurityContext.authenticate}), remembered in the HTTP session. {@code /api/*}: HTTP Basic on every
 * request, never the session (so no cross-site request can ride on a browser's cookie), and a JSON 401 instead
 * of a redirect; an app password may stand in for the account password, or come alone as a Bearer token
 * ({@link ApiCredentials}). {@code /metrics} takes the same (administrators only), so a scraper can read it.
 * The sign-in form never takes an app password: its credential only ever reaches {@code PasswordSignIn}.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    private static final String APP_PASSWORD = SignInMechanism.class.getName() + ".appPassword";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Accounts accounts;

    @Inject
    ErrorAnswers errors;

    /** Signing in reads the database; while it cannot be reached the request gets a 503 page or JSON error. */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.explains(e)) {
                throw e;
            }
            return unavailable(request, response);
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (takesBasic(request)) {
            return basic(request, response, context);
        }
        Credential submitted = context.getAuthParameters().getCredential();
        if (submitted != null) {
            return signIn(request, context, submitted);
        }
        return SignedIn.in(request)
                .map(signedIn -> context.notifyContainerAboutLogin(signedIn.id().toString(), signedIn.role().groups()))
                .orElseGet(() -> context.isProtected()
                        ? context.redirect(request.getContextPath() + "/login")
                        : context.doNothing());
    }

    /** The API, and /metrics for Prometheus-style scrapers: machines that send credentials on every request. */
    private static boolean takesBasic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/metrics") || path.startsWith("/metrics/")
                || path.equals("/dav") || path.startsWith("/dav/") || path.equals("/.well-known/carddav");
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession();
        request.changeSessionId();
        accounts.find(UUID.fromString(result.getCallerPrincipal().getName()))
                .map(SignedIn::of)
                .orElseThrow()
                .rememberIn(request.getSession());
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!ApiCredentials.presented(request)) {
            return context.isProtected()
                    ? unauthorized(response, "Sign in with HTTP Basic (your e-mail address and password or an app "
                            + "password) or with Authorization: Bearer and an app password.")
                    : context.doNothing();
        }
        Optional<Credential> credential = ApiCredentials.of(request);
        CredentialValidationResult result = credential.map(identityStores::validate)
                .orElse(CredentialValidationResult.INVALID_RESULT);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, ApiCredentials.isBearer(request)
                    ? "Unknown or revoked app password."
                    : "Wrong e-mail address or password.");
        }
        if (credential.get() instanceof AppPasswordCredential) {
            request.setAttribute(APP_PASSWORD, Boolean.TRUE);
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            errors.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.503",
                    request.getRequestURI());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Whether this request signed in with an app password rather than the account password. */
    public static boolean signedInWithAppPassword(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(APP_PASSWORD));
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Kontak\", charset=\"UTF-8\"");
            response.addHeader("WWW-Authenticate", "Bearer realm=\"Kontak\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + message + "\"}");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
