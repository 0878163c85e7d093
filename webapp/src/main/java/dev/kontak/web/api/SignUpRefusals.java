package dev.kontak.web.api;

import dev.kontak.auth.boundary.EmailAlreadyRegistered;
import dev.kontak.auth.boundary.SignUpRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** 409 for a taken e-mail address (shown on the field), 403 when sign-up is closed. */
@Provider
public class SignUpRefusals implements ExceptionMapper<SignUpRefused> {

    @Override
    public Response toResponse(SignUpRefused refused) {
        return refused instanceof EmailAlreadyRegistered
                ? ApiError.answer(409, refused.getMessage(), Map.of("email", refused.getMessage()))
                : ApiError.answer(403, refused.getMessage());
    }
}
