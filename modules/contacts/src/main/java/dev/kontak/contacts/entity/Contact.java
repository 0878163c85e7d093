package dev.kontak.contacts.entity;

import dev.kontak.kernel.UserId;
import dev.kontak.kernel.columns.NullableUuidColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person or company someone keeps in Kontak. Besides what users type, the row keeps its activities' count,
 * latest time and checksum terms, so that access to it can be granted or revoked in O(1).
 */
@Entity
@Table(name = "contacts")
public class Contact {

    /**
     * JPQL condition, on alias {@code c} and parameter {@code :user}: the contacts a user can access, owned or
     * shared with a team they belong to. The recompute's definition of access; lists read the same rule as one
     * index range per part (owned, and shared with each team: ContactListing.scopesOf), and the row level
     * security policy accessible_contacts states it in SQL.
     */
    public static final String ACCESSIBLE_BY_USER = "(c.ownerId = :user OR c.teamId IN "
            + "(SELECT m.teamId FROM TeamMember m WHERE m.userId = :user))";

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @Convert(converter = NullableUuidColumn.class)
    @Column(name = "team_id")
    private UUID teamId;

    @Column(nullable = false)
    private String name;

    private String email;
    private String phone;
    private String company;
    private String notes;

    @Column(name = "activity_count", nullable = false)
    private int activityCount;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @Column(name = "activities_digest", nullable = false)
    private long activitiesDigest;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** lower(name), computed by the database (a generated column): the name order of lists and searches. */
    @Column(name = "sort_name", insertable = false, updatable = false)
    private String sortName;

    protected Contact() {
    }

    public Contact(UUID ownerId, ContactDetails details, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.createdAt = now;
        change(details, now);
    }

    public void change(ContactDetails details, Instant now) {
        this.name = details.name().strip();
        this.email = blankToNull(details.email());
        this.phone = blankToNull(details.phone());
        this.company = blankToNull(details.company());
        this.notes = blankToNull(details.notes());
        this.updatedAt = now;
    }

    public void shareWith(UUID team, Instant now) {
        this.teamId = team;
        this.updatedAt = now;
    }

    public void activityAdded(Activity activity) {
        activityCount++;
        activitiesDigest += activity.checksumTerm();
        if (lastActivityAt == null || activity.occurredAt().isAfter(lastActivityAt)) {
            lastActivityAt = activity.occurredAt();
        }
    }

    public void activityRemoved(Activity activity, Instant latestRemaining) {
        activityCount--;
        activitiesDigest -= activity.checksumTerm();
        lastActivityAt = latestRemaining;
    }

    public void activityChanged(long termBefore, Activity activity, Instant latest) {
        activitiesDigest += activity.checksumTerm() - termBefore;
        lastActivityAt = latest;
    }

    /** What this contact adds to the data checksum of everyone who can access it. */
    public long checksumContribution() {
        return Checksums.contactTerm(id, version) + activitiesDigest;
    }

    public ContactState state() {
        return new ContactState(id, ownerId, teamId, version, activityCount, lastActivityAt, checksumContribution());
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user.value());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID teamId() {
        return teamId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String company() {
        return company;
    }

    public String notes() {
        return notes;
    }

    public int activityCount() {
        return activityCount;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    /** The sum of its activities' checksum terms, as the row keeps it. */
    public long activitiesDigest() {
        return activitiesDigest;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** As the database computed it when this contact was read; null on a contact created in this transaction. */
    public String sortName() {
        return sortName;
    }
}
