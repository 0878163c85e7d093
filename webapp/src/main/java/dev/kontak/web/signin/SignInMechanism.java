package dev.kontak.web.signin;

import dev.kontak.auth.control.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * How callers prove who they are. Pages: a sign-in form ({@link LoginPage} calls
 * {@code SecurityContext.authenticate}), remembered in the HTTP session. {@code /api/*}: HTTP Basic on every
 * request, never the session (so no cross-site request can ride on a browser's cookie), and a JSON 401 instead
 * of a redirect. {@code /metrics} takes HTTP Basic too (administrators only), so a scraper can read it.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Accounts accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
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
        return path.startsWith("/api/") || path.equals("/metrics") || path.startsWith("/metrics/");
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
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected()
                    ? unauthorized(response, "Sign in with HTTP Basic: your e-mail address and password.")
                    : context.doNothing();
        }
        UsernamePasswordCredential credential = decode(header.substring(6).strip());
        CredentialValidationResult result = credential == null
                ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(credential);
        return result.getStatus() == CredentialValidationResult.Status.VALID
                ? context.notifyContainerAboutLogin(result)
                : unauthorized(response, "Wrong e-mail address or password.");
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Kontak\", charset=\"UTF-8\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + message + "\"}");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
