package dev.kontak.web.api;

import dev.kontak.auth.entity.AppPassword;
import java.time.Instant;
import java.util.UUID;

/** An app password as its owner's list shows it: never its token. {@code lastUsedAt} is null until first used. */
public record AppPasswordView(UUID id, String name, Instant createdAt, Instant lastUsedAt) {

    static AppPasswordView of(AppPassword password) {
        return new AppPasswordView(password.id(), password.name(), password.createdAt(),
                password.lastUsedAt().orElse(null));
    }
}
