package dev.kontak.web.api;

import dev.kontak.auth.boundary.NewAccount;
import dev.kontak.auth.boundary.Registration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign up from an API client: what the sign-up page does. Errors: see {@link ApiError}. */
@Tag(name = "sign-up", description = "Creating an account (no sign-in needed)")
@Path("signup")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SignUpResource {

    @Inject
    Registration registration;

    @Context
    UriInfo uri;

    @POST
    public Response signUp(NewAccount form) {
        if (form == null) {
            throw new BadRequestException("Send {\"email\", \"password\", \"displayName\"} as JSON.");
        }
        AccountView created = AccountView.of(registration.signUp(form));
        return Response.created(uri.getBaseUriBuilder().path("me").build()).entity(created).build();
    }
}
