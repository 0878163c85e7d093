package dev.kontak.metadata.boundary;

import dev.kontak.metadata.entity.UserMetadata;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A user's metadata with every column of the seed's table, contact_ids included, sorted as text (the order
 * PostgreSQL gives uuid values, so the API and the SQL view list them alike).
 */
public record MetadataView(UUID id, UUID userId, List<UUID> contactIds, int contactCount, int activityCount,
        Instant lastActivityAt, List<UUID> teamIds, List<String> permissions, String dataChecksum, long cacheVersion,
        Instant lastContactUpdate, Instant lastActivityUpdate, Instant createdAt, Instant updatedAt) {

    public static MetadataView of(UserMetadata m, Collection<UUID> contactIds) {
        return new MetadataView(m.id(), m.userId(),
                contactIds.stream().sorted(Comparator.comparing(UUID::toString)).toList(), m.contactCount(), m.activityCount(),
                m.lastActivityAt(), m.teamIds().stream().map(UUID::fromString).toList(), m.permissions(),
                m.dataChecksum(), m.cacheVersion(), m.lastContactUpdate(), m.lastActivityUpdate(), m.createdAt(),
                m.updatedAt());
    }
}
