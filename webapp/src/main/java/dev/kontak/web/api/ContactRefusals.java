package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ContactRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 403 for what the caller may not do with a contact they can see (delete or share someone else's). */
@Provider
public class ContactRefusals implements ExceptionMapper<ContactRefused> {

    @Override
    public Response toResponse(ContactRefused refused) {
        return ApiError.answer(403, refused.getMessage());
    }
}
