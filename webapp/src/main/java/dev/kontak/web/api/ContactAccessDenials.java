package dev.kontak.web.api;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 403 for a contact outside the caller's authorized list. The same answer whether it exists or not, so that
 * nobody learns other people's contact ids; never 404.
 */
@Provider
public class ContactAccessDenials implements ExceptionMapper<ContactAccessDenied> {

    @Override
    public Response toResponse(ContactAccessDenied denied) {
        return ApiError.answer(403, ContactAccessDenied.MESSAGE);
    }
}
