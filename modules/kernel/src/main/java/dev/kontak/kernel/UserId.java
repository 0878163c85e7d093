package dev.kontak.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's (account's) id. Typed, so that where a user and a contact meet in a signature the two cannot be swapped
 * by accident; the row in the database keeps the plain UUID ({@link #value()}).
 */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "a user id");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    /** @throws IllegalArgumentException if the text is not a UUID */
    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
