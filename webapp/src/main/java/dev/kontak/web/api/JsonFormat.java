package dev.kontak.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API writes JSON: empty values as {@code null} instead of leaving the property out, so that every answer
 * of one kind has the same properties ({@code "teamId": null} means "not shared", not "forgot to say").
 * {@link ApiError} opts out for its optional {@code fields}.
 */
@Provider
public class JsonFormat implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
