package dev.kontak.web.api;

import dev.kontak.web.platform.DatabaseOutage;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Everything no other mapper answers: unreadable JSON is the client's fault, the rest is ours and is logged. */
@Provider
public class UnexpectedFailures implements ExceptionMapper<Throwable> {

    /** Broken JSON, or a value of the wrong kind (the reader does not say which property): both are answered so. */
    static final String UNREADABLE = "The body could not be read: send JSON whose values have the right kind "
            + "(text, number, an id, a time like 2026-11-26T10:00:00Z, a type like CALL).";

    static final String OUTAGE = "Kontak cannot reach its database just now. Try again in a few seconds.";

    private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class.getName());

    /** Yasson's message for a property the type does not have ({@link JsonFormat}): "Json property x can not be...". */
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Json property (\\S+) can not be mapped");

    @Override
    public Response toResponse(Throwable failure) {
        return answer(failure);
    }

    static Response answer(Throwable failure) {
        if (failure instanceof JsonbException || failure instanceof ProcessingException) {
            return ApiError.answer(400, unknownProperty(failure)
                    .map(name -> "Unknown property \"" + name + "\".")
                    .orElse(UNREADABLE));
        }
        if (DatabaseOutage.explains(failure)) {
            LOG.warning(() -> "API request answered 503, the database is unreachable: " + failure);
            return Response.fromResponse(ApiError.answer(503, OUTAGE))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return ApiError.answer(500, "Something went wrong on our side.");
    }

    private static Optional<String> unknownProperty(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher unknown = UNKNOWN_PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (unknown.find()) {
                return Optional.of(unknown.group(1));
            }
        }
        return Optional.empty();
    }
}
