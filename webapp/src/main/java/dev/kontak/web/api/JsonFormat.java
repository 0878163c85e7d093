package dev.kontak.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API writes JSON: empty values as {@code null} instead of leaving the property out, so that every answer
 * of one kind has the same properties ({@code "teamId": null} means "not shared", not "forgot to say").
 * {@link ApiError} opts out for its optional {@code fields}. Reading, a property the body does not have is an
 * error ({@link UnexpectedFailures} names it): a client that sends {@code "role"} or {@code "ownerId"} learns that
 * it is not taken instead of believing it was.
 */
@Provider
public class JsonFormat implements ContextResolver<Jsonb> {

    /** Yasson's switch (not in the JSON-B API): a property the body's type does not have is refused, not ignored. */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true)
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
