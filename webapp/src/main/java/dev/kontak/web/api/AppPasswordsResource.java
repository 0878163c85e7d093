package dev.kontak.web.api;

import dev.kontak.auth.boundary.AppPasswords;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's app passwords, managed with the account password only: an app password that leaked must not be able
 * to mint more of itself or to see the others, so a caller signed in with one gets 403.
 */
@Tag(name = "app passwords", description = "Secrets for API and sync clients, instead of the account password")
@Path("app-passwords")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AppPasswordsResource {

    static final String ACCOUNT_PASSWORD_ONLY = "App passwords are managed with the account password: sign in with "
            + "HTTP Basic and your e-mail address and password.";

    @Inject
    Caller caller;

    @Inject
    AppPasswords appPasswords;

    /** 201 with the token, the only time it is shown; no Location, as there is nothing to read it back from. */
    @POST
    public Response create(NewAppPassword body) {
        return withAccountPassword(() -> Response.status(Response.Status.CREATED)
                .entity(CreatedAppPassword.of(appPasswords.create(Parameters.body(body, "{\"name\"}").name())))
                .header("Cache-Control", "no-store").build());
    }

    @GET
    public Response list() {
        return withAccountPassword(() -> Response.ok(
                appPasswords.of().stream().map(AppPasswordView::of).toList()).build());
    }

    /** 404 for an id that is not one of the caller's app passwords, whether or not it is someone else's. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        return withAccountPassword(() -> appPasswords.revoke(Parameters.id("id", id))
                ? Response.noContent().build()
                : ApiError.answer(404, "You have no app password with this id."));
    }

    private Response withAccountPassword(Supplier<Response> answer) {
        return caller.usesAppPassword() ? ApiError.answer(403, ACCOUNT_PASSWORD_ONLY) : answer.get();
    }
}
