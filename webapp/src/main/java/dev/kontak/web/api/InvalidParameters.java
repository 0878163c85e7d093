package dev.kontak.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** 400 with the parameter's message, in the same shape as invalid bodies ({@link InvalidInput}). */
@Provider
public class InvalidParameters implements ExceptionMapper<InvalidParameter> {

    @Override
    public Response toResponse(InvalidParameter invalid) {
        return ApiError.answer(400, "Invalid input.", Map.of(invalid.name(), invalid.getMessage()));
    }
}
