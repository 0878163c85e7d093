package dev.kontak.admin.boundary;

import java.time.Instant;
import java.util.UUID;

/** A refused operation on a contact, as the audit page shows it; {@code email} is null for a deleted account. */
public record Refusal(UUID userId, String email, UUID contactId, String operation, String reason, Instant refusedAt) {
}
