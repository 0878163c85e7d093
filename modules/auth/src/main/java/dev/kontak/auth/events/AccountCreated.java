package dev.kontak.auth.events;

import dev.kontak.auth.entity.Role;
import java.util.UUID;

/** A new account exists; fired inside the transaction that created it. */
public record AccountCreated(UUID userId, Role role) {
}
