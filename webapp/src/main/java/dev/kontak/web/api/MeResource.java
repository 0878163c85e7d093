package dev.kontak.web.api;

import dev.kontak.auth.control.Accounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is. */
@Tag(name = "account", description = "The signed-in account")
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @GET
    public AccountView me() {
        return accounts.find(caller.id().value()).map(AccountView::of)
                .orElseThrow(() -> new NotAuthorizedException("Basic realm=\"Kontak\""));
    }
}
