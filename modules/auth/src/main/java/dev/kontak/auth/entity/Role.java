package dev.kontak.auth.entity;

import java.util.Set;

/** What an account may do across Kontak. An administrator is a user too. */
public enum Role {
    USER, ADMIN;

    /** The security groups a caller with this role belongs to. */
    public Set<String> groups() {
        return this == ADMIN ? Set.of("USER", "ADMIN") : Set.of("USER");
    }
}
