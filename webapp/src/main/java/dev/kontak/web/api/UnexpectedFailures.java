package dev.kontak.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Everything no other mapper answers: unreadable JSON is the client's fault, the rest is ours and is logged. */
@Provider
public class UnexpectedFailures implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof JsonbException || failure instanceof ProcessingException) {
            return ApiError.answer(400, "The body is not valid JSON.");
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return ApiError.answer(500, "Something went wrong on our side.");
    }
}
