package dev.kontak.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.UUID;

/**
 * Who is calling: the signed-in account's id. Every resource takes the caller's identity from here and never from
 * the request, so that no client can act as someone else by sending another id.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    /** The principal's name is the account id (see {@code PasswordSignIn}). */
    public UUID id() {
        return UUID.fromString(security.getCallerPrincipal().getName());
    }
}
