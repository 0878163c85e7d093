package dev.kontak.web.api;

import dev.kontak.web.page.Violations;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** 400 with a message for each invalid field. */
@Provider
public class InvalidInput implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException invalid) {
        return ApiError.answer(400, "Invalid input.", Violations.byField(invalid));
    }
}
