package dev.kontak.web.api;

import dev.kontak.imports.boundary.ImportRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused import answers its status (400, 404, 409, 413) with the sentence that says why. */
@Provider
public class ImportRefusals implements ExceptionMapper<ImportRefused> {

    @Override
    public Response toResponse(ImportRefused refused) {
        return ApiError.answer(refused.status(), refused.getMessage());
    }
}
