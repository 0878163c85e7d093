package dev.kontak.metadata.entity;

import java.time.Instant;

/**
 * The aggregates of a user's metadata as a full recompute gets them from the data in one statement: how many
 * contacts they can access, the activities on those, the latest one, and the data checksum (16 hex digits).
 */
public record MetadataTotals(int contactCount, int activityCount, Instant lastActivityAt, String dataChecksum) {
}
