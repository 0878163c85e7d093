package dev.kontak.web.api;

import dev.kontak.auth.boundary.IssuedAppPassword;
import java.time.Instant;
import java.util.UUID;

/** A new app password with its token: the only answer that ever carries the token. */
public record CreatedAppPassword(UUID id, String name, String token, Instant createdAt) {

    static CreatedAppPassword of(IssuedAppPassword issued) {
        return new CreatedAppPassword(issued.password().id(), issued.password().name(), issued.token().text(),
                issued.password().createdAt());
    }
}
