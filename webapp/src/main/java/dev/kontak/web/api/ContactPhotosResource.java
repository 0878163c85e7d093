package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.control.PhoneNumbers;
import dev.kontak.contacts.entity.InvalidPhoto;
import dev.kontak.contacts.entity.Photo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A contact's photo: read by whoever may see the contact, changed by whoever may edit it. Kontak keeps the picture,
 * not the file: at most 512 pixels a side, re-encoded, so what {@code GET} answers is not byte for byte what was
 * sent.
 */
@Tag(name = "contacts")
@Path("contacts/{id}/photo")
@RequestScoped
public class ContactPhotosResource {

    @Inject
    ContactBook contacts;

    @Inject
    PhoneNumbers phones;

    @GET
    @Produces({Photo.JPEG, Photo.PNG})
    @Operation(summary = "The contact's photo (404 when it has none); an ETag answers If-None-Match with 304")
    public Response photo(@PathParam("id") String id, @Context Request request) {
        UUID contactId = Parameters.id("id", id);
        Photo photo = contacts.view(contactId).details().photo();
        if (photo == null) {
            throw new WebApplicationException(ApiError.answer(404, "This contact has no photo."));
        }
        EntityTag tag = new EntityTag(photo.tag());
        CacheControl privately = CacheControl.valueOf("private, no-cache");
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(privately).build();
        }
        return Response.ok(photo.image(), photo.mediaType()).tag(tag).cacheControl(privately).build();
    }

    @PUT
    @Consumes({Photo.JPEG, Photo.PNG})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the contact's photo: a JPEG or PNG file of at most 1 MB as the body (413 beyond)")
    public ContactView change(@PathParam("id") String id, InputStream body) throws IOException {
        UUID contactId = Parameters.id("id", id);
        byte[] file = body.readNBytes(Photo.MAX_BYTES + 1);
        if (file.length > Photo.MAX_BYTES) {
            throw new WebApplicationException(ApiError.answer(413, "Use a photo of at most 1 MB."));
        }
        Photo photo;
        try {
            photo = Photo.read(file);
        } catch (InvalidPhoto invalid) {
            throw new WebApplicationException(ApiError.answer(400, invalid.getMessage()));
        }
        return ContactView.of(contacts.change(contactId, card -> card.withPhoto(photo), null), phones::formatted);
    }

    @DELETE
    @Operation(summary = "Removes the contact's photo")
    public void remove(@PathParam("id") String id) {
        UUID contactId = Parameters.id("id", id);
        contacts.change(contactId, card -> card.withPhoto(null), null);
    }
}
