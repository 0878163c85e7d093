package dev.kontak.metadata.entity;

import dev.kontak.contacts.entity.Checksums;
import dev.kontak.contacts.entity.ContactState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One user's metadata row, changed only by whole deltas: a contact gained, lost or changed, teams recomputed.
 * Every change bumps {@code cacheVersion}, so that any copy of the row can tell it is out of date.
 *
 * <ul>
 * <li>contact count: contacts the user can access (owned, or shared with a team they belong to);</li>
 * <li>activity count and last activity: activities on those contacts;</li>
 * <li>team ids: teams the user belongs to; permissions: what their role and team roles allow;</li>
 * <li>data checksum: the sum of {@link Checksums} terms of those contacts and their activities.</li>
 * </ul>
 */
@Entity
@Table(name = "user_metadata")
@NamedQuery(name = "UserMetadata.ofUser", query = "SELECT m FROM UserMetadata m WHERE m.userId = :user")
@NamedQuery(name = "UserMetadata.ofUsers",
        query = "SELECT m FROM UserMetadata m WHERE m.userId IN :users ORDER BY m.userId")
public class UserMetadata {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "contact_count", nullable = false)
    private int contactCount;

    @Column(name = "activity_count", nullable = false)
    private int activityCount;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Convert(converter = JsonStringList.class)
    @Column(name = "team_ids", nullable = false)
    private List<String> teamIds;

    @Convert(converter = JsonStringList.class)
    @Column(nullable = false)
    private List<String> permissions;

    @Column(name = "data_checksum", nullable = false)
    private String dataChecksum;

    @Column(name = "cache_version", nullable = false)
    private long cacheVersion;

    /** The oldest cache_version since which address_book_changes holds every change of the user's book. */
    @Column(name = "changes_since", nullable = false)
    private long changesSince;

    @Column(name = "last_contact_update", nullable = false)
    private Instant lastContactUpdate;

    @Column(name = "last_activity_update", nullable = false)
    private Instant lastActivityUpdate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserMetadata() {
    }

    public UserMetadata(UUID userId, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.teamIds = List.of();
        this.permissions = List.of();
        this.dataChecksum = Checksums.format(0);
        this.cacheVersion = 1;
        this.changesSince = 1;
        this.lastContactUpdate = now;
        this.lastActivityUpdate = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The user can now access a contact they could not. */
    public void gain(ContactState contact) {
        contactCount++;
        activityCount += contact.activityCount();
        addToChecksum(contact.checksumContribution());
        considerLatest(contact.lastActivityAt());
    }

    /**
     * The user can no longer access a contact.
     *
     * @return whether the last activity time may have been this contact's and must be looked up again
     */
    public boolean lose(ContactState contact) {
        contactCount--;
        activityCount -= contact.activityCount();
        addToChecksum(-contact.checksumContribution());
        return contact.lastActivityAt() != null && contact.lastActivityAt().equals(lastActivityAt);
    }

    /**
     * A contact the user keeps access to changed.
     *
     * @return whether the last activity time must be looked up again (the latest activity moved back or went away)
     */
    public boolean change(ContactState before, ContactState after) {
        activityCount += after.activityCount() - before.activityCount();
        addToChecksum(after.checksumContribution() - before.checksumContribution());
        boolean latestWasHere = before.lastActivityAt() != null && before.lastActivityAt().equals(lastActivityAt);
        // a contact's first activity has no time before it: only a latest that was here can have moved back
        boolean movedBack = latestWasHere
                && (after.lastActivityAt() == null || after.lastActivityAt().isBefore(before.lastActivityAt()));
        considerLatest(after.lastActivityAt());
        return movedBack;
    }

    public void latestActivityIs(Instant latest) {
        lastActivityAt = latest;
    }

    public void teams(List<String> teamIds, List<String> permissions) {
        this.teamIds = List.copyOf(teamIds);
        this.permissions = List.copyOf(permissions);
    }

    /** Replaces the aggregates, teams and permissions with a full recompute's result. */
    public void recomputed(MetadataTotals totals, List<String> teamIds, List<String> permissions) {
        contactCount = totals.contactCount();
        activityCount = totals.activityCount();
        lastActivityAt = totals.lastActivityAt();
        teams(teamIds, permissions);
        dataChecksum = totals.dataChecksum();
    }

    /** Records that a change happened: bumps the version, and the time of the kind of data that changed. */
    public void changed(Instant now, boolean contacts, boolean activities) {
        cacheVersion++;
        updatedAt = now;
        if (contacts) {
            lastContactUpdate = now;
        }
        if (activities) {
            lastActivityUpdate = now;
        }
    }

    public boolean isOlderThan(Duration maxAge, Instant now) {
        return updatedAt.plus(maxAge).isBefore(now);
    }

    private void addToChecksum(long term) {
        dataChecksum = Checksums.format(Long.parseUnsignedLong(dataChecksum, 16) + term);
    }

    private void considerLatest(Instant candidate) {
        if (candidate != null && (lastActivityAt == null || candidate.isAfter(lastActivityAt))) {
            lastActivityAt = candidate;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public int contactCount() {
        return contactCount;
    }

    public int activityCount() {
        return activityCount;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public List<String> teamIds() {
        return teamIds;
    }

    public List<String> permissions() {
        return permissions;
    }

    public String dataChecksum() {
        return dataChecksum;
    }

    /**
     * Says that what changed up to now is not all in address_book_changes (a recompute corrected the access list, or
     * old rows were pruned): a client that synced before must sync the whole book again.
     */
    public void changesKnownFromNow() {
        changesSince = cacheVersion;
    }

    /** Says that the log no longer holds the changes up to this version (they were pruned). */
    public void changesKnownFrom(long version) {
        changesSince = Math.max(changesSince, version);
    }

    public long changesSince() {
        return changesSince;
    }

    public long cacheVersion() {
        return cacheVersion;
    }

    public Instant lastContactUpdate() {
        return lastContactUpdate;
    }

    public Instant lastActivityUpdate() {
        return lastActivityUpdate;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
