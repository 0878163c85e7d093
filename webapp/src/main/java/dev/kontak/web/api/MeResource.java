package dev.kontak.web.api;

import dev.kontak.auth.control.Accounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Who the caller is. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    SecurityContext security;

    @Inject
    Accounts accounts;

    @GET
    public AccountView me() {
        UUID id = UUID.fromString(security.getCallerPrincipal().getName());
        return accounts.find(id).map(AccountView::of)
                .orElseThrow(() -> new NotAuthorizedException("Basic realm=\"Kontak\""));
    }
}
