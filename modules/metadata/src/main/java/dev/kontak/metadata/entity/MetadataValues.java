package dev.kontak.metadata.entity;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

/**
 * The data columns of a user's metadata, without the bookkeeping (ids, versions, times): what an incremental
 * update and a full recompute must agree on.
 */
public record MetadataValues(SortedSet<UUID> contactIds, int activityCount, Instant lastActivityAt,
        List<String> teamIds, List<String> permissions, String dataChecksum) {
}
