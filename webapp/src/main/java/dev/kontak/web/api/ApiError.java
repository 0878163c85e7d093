package dev.kontak.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Every API failure looks like this: {@code {"error": "...", "fields": {"email": "..."}}}, never a stack trace. */
public record ApiError(String error, @JsonbNillable(false) Map<String, String> fields) {

    static Response answer(int status, String message) {
        return answer(status, message, null);
    }

    static Response answer(int status, String message, Map<String, String> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message, fields)).build();
    }
}
