package dev.kontak.metadata.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What a node keeps in memory of one user's metadata row: enough for access checks and page versions. */
public record CachedMetadata(UUID userId, long cacheVersion, Instant updatedAt, ContactIdSet contactIds) {

    public boolean canAccess(UUID contact) {
        return contactIds.contains(contact);
    }

    public boolean isOlderThan(Duration maxAge, Instant now) {
        return updatedAt.plus(maxAge).isBefore(now);
    }
}
