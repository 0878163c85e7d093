package dev.kontak.web.api;

import jakarta.ws.rs.BadRequestException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads path and query parameters as text. JAX-RS answers a {@code @PathParam UUID} or {@code @QueryParam int}
 * it cannot convert with 404 (the spec says so), which would tell a client with a typo that the thing does not
 * exist; reading them here answers 400 and names the parameter ({@link InvalidParameter}).
 */
final class Parameters {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Parameters() {
    }

    /** Only the canonical form: {@code UUID.fromString} also takes "1-2-3-4-5", which is nobody's id. */
    static UUID id(String name, String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw new InvalidParameter(name, "Use an id like 123e4567-e89b-12d3-a456-426614174000.");
        }
        return UUID.fromString(text);
    }

    /** @param fallback the value when the parameter is absent, or null if it is required */
    static long wholeNumber(String name, String text, Long fallback, long min, long max) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw new InvalidParameter(name, "Give " + name + ".");
            }
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw new InvalidParameter(name, max == Long.MAX_VALUE
                ? "Use a whole number of at least " + min + "."
                : "Use a whole number from " + min + " to " + max + ".");
    }

    /** A missing body reaches resources as null; this names what to send instead of failing later. */
    static <T> T body(T body, String shape) {
        if (body == null) {
            throw new BadRequestException("Send " + shape + " as JSON.");
        }
        return body;
    }
}
