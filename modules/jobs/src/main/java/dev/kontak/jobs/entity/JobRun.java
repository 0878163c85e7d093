package dev.kontak.jobs.entity;

import dev.kontak.kernel.columns.NullableUuidColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of a job: its progress, stored after every step so that any node can show it, the checkpoint its next
 * step starts from, and its summary once it ended. No outcome means it has not ended. What {@code noticed} and
 * {@code changed} count is the job's to say (rows found drifted and rows repaired, for the metadata jobs).
 */
@Entity
@Table(name = "job_runs")
@NamedQuery(name = "JobRun.latest", query = "SELECT r FROM JobRun r WHERE r.lease = :lease ORDER BY r.startedAt DESC")
@NamedQuery(name = "JobRun.unfinished",
        query = "SELECT r FROM JobRun r WHERE r.lease = :lease AND r.outcome IS NULL ORDER BY r.startedAt DESC")
@NamedQuery(name = "JobRun.lastCompleted", query = "SELECT r FROM JobRun r WHERE r.kind = :kind"
        + " AND r.outcome = dev.kontak.jobs.entity.JobOutcome.COMPLETED ORDER BY r.finishedAt DESC")
public class JobRun {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String lease;

    /** The administrator who started it; null for scheduled runs. */
    @Column(name = "started_by", updatable = false)
    @Convert(converter = NullableUuidColumn.class)
    private UUID startedBy;

    @Column(nullable = false, updatable = false)
    private String node;

    @Column(nullable = false, updatable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int noticed;

    @Column(nullable = false)
    private int changed;

    @Column(nullable = false)
    private int failures;

    private String checkpoint;

    /** The interrupted run this one goes on from. */
    @Column(updatable = false)
    @Convert(converter = NullableUuidColumn.class)
    private UUID resumes;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Enumerated(EnumType.STRING)
    private JobOutcome outcome;

    protected JobRun() {
    }

    public JobRun(String kind, String lease, UUID startedBy, String node, int total, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = Objects.requireNonNull(kind);
        this.lease = Objects.requireNonNull(lease);
        this.startedBy = startedBy;
        this.node = Objects.requireNonNull(node);
        this.total = total;
        this.startedAt = now;
        this.updatedAt = now;
    }

    /** A run that goes on where an interrupted one stopped, with its counts so far. */
    public JobRun resuming(UUID startedBy, String node, Instant now) {
        if (outcome != JobOutcome.INTERRUPTED) {
            throw new IllegalStateException("Only an interrupted run can be resumed, not a " + outcome + " one");
        }
        JobRun next = new JobRun(kind, lease, startedBy, node, total, now);
        next.done = done;
        next.noticed = noticed;
        next.changed = changed;
        next.failures = failures;
        next.checkpoint = checkpoint;
        next.resumes = id;
        return next;
    }

    /** Adds one step's counts; the next step starts from its checkpoint. */
    public void counted(int items, int noticed, int changed, int failures, String checkpoint, Instant now) {
        requireRunning();
        this.done += items;
        this.noticed += noticed;
        this.changed += changed;
        this.failures += failures;
        this.checkpoint = checkpoint;
        this.updatedAt = now;
    }

    /** Asks the node running it to stop after the step it is working on. */
    public void requestCancel() {
        requireRunning();
        cancelRequested = true;
    }

    public void finish(JobOutcome outcome, Instant now) {
        requireRunning();
        this.outcome = Objects.requireNonNull(outcome);
        this.finishedAt = now;
        this.updatedAt = now;
    }

    /** Not ended, but its node has reported nothing for longer than {@code silence}: it went down. */
    public boolean abandoned(Duration silence, Instant now) {
        return running() && updatedAt.plus(silence).isBefore(now);
    }

    public boolean running() {
        return outcome == null;
    }

    private void requireRunning() {
        if (!running()) {
            throw new IllegalStateException("The run ended already: " + outcome);
        }
    }

    public UUID id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String lease() {
        return lease;
    }

    public UUID startedBy() {
        return startedBy;
    }

    public String node() {
        return node;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public int noticed() {
        return noticed;
    }

    public int changed() {
        return changed;
    }

    public int failures() {
        return failures;
    }

    public String checkpoint() {
        return checkpoint;
    }

    public UUID resumes() {
        return resumes;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public JobOutcome outcome() {
        return outcome;
    }
}
