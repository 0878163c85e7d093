package dev.kontak.contacts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A call, e-mail, meeting or note on a contact's timeline. */
@Entity
@Table(name = "activities")
@NamedQuery(name = "Activity.timeline",
        query = "SELECT a FROM Activity a WHERE a.contactId = :contact ORDER BY a.occurredAt DESC, a.createdAt DESC")
public class Activity {

    @Id
    private UUID id;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private UUID contactId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String summary;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Activity() {
    }

    public Activity(UUID contactId, UUID authorId, ActivityDetails details, Instant now) {
        this.id = UUID.randomUUID();
        this.contactId = Objects.requireNonNull(contactId);
        this.authorId = Objects.requireNonNull(authorId);
        this.createdAt = now;
        change(details, now);
    }

    public void change(ActivityDetails details, Instant now) {
        this.type = details.type();
        this.occurredAt = details.occurredAt();
        this.summary = details.summary().strip();
        this.updatedAt = now;
    }

    public long checksumTerm() {
        return Checksums.activityTerm(id, version);
    }

    public UUID id() {
        return id;
    }

    public UUID contactId() {
        return contactId;
    }

    public UUID authorId() {
        return authorId;
    }

    public ActivityType type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String summary() {
        return summary;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
