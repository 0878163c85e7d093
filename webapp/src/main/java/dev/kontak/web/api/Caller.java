package dev.kontak.web.api;

import dev.kontak.kernel.UserId;
import dev.kontak.web.signin.SignInMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling: the signed-in account's id. Every resource takes the caller's identity from here and never from
 * the request, so that no client can act as someone else by sending another id.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    /** The principal's name is the account id (see {@code PasswordSignIn}). */
    public UserId id() {
        return UserId.parse(security.getCallerPrincipal().getName());
    }

    /** Whether the caller signed in with an app password rather than the account password. */
    public boolean usesAppPassword() {
        return SignInMechanism.signedInWithAppPassword(request);
    }
}
