package dev.kontak.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (404, 405, 415, our 400s...) in Kontak's JSON shape. */
@Provider
public class RequestRefusals implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException refused) {
        Response.StatusType status = refused.getResponse().getStatusInfo();
        boolean ownMessage = status.getStatusCode() == 400 && refused.getCause() == null && refused.getMessage() != null;
        Response answer = ApiError.answer(status.getStatusCode(), ownMessage ? refused.getMessage() : status.getReasonPhrase());
        refused.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> answer.getHeaders().add(name, value));
            }
        });
        return answer;
    }
}
