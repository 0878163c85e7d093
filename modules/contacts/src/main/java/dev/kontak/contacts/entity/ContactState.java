package dev.kontak.contacts.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * What the metadata of the users who can access a contact depends on, at one moment: who owns it, which team it
 * is shared with, and its contribution to counts and checksums.
 */
public record ContactState(UUID id, UUID ownerId, UUID teamId, long version, int activityCount,
        Instant lastActivityAt, long checksumContribution) {
}
