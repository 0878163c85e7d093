package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ContactEditConflict;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409 when a PUT names a version someone else has saved over: the client reloads instead of overwriting. */
@Provider
public class ContactEditConflicts implements ExceptionMapper<ContactEditConflict> {

    @Override
    public Response toResponse(ContactEditConflict conflict) {
        return ApiError.answer(409, conflict.getMessage());
    }
}
