package dev.kontak.admin.boundary;

import dev.kontak.admin.entity.LastCheck;
import dev.kontak.metadata.boundary.MetadataView;
import java.util.List;
import java.util.UUID;

/**
 * Everything administrators see about one user's metadata.
 *
 * @param metadata   every column of the row, or null where the user has none
 * @param ageSeconds seconds since the row last changed, or null where there is none
 * @param check      what the latest check and refresh found, or null where none was made
 * @param refusals   the user's latest refused operations, newest first
 */
public record UserMetadataDetails(UUID userId, String email, String displayName, String role, MetadataView metadata,
        Long ageSeconds, boolean stale, LastCheck check, List<Refusal> refusals) {
}
