package dev.kontak.metadata.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of "verify integrity of all users" or "refresh all": its progress, stored after every batch so that any
 * node can show it, and its summary once it ended. No outcome means it is still running.
 */
@Entity
@Table(name = "metadata_batch_runs")
@NamedQuery(name = "BatchRun.latest", query = "SELECT r FROM BatchRun r ORDER BY r.startedAt DESC")
@NamedQuery(name = "BatchRun.unfinished", query = "SELECT r FROM BatchRun r WHERE r.outcome IS NULL ORDER BY r.startedAt DESC")
public class BatchRun {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BatchKind kind;

    @Column(name = "started_by", nullable = false, updatable = false)
    private UUID startedBy;

    @Column(nullable = false, updatable = false)
    private String node;

    @Column(nullable = false, updatable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int drifted;

    @Column(nullable = false)
    private int repaired;

    @Column(nullable = false)
    private int failures;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Enumerated(EnumType.STRING)
    private BatchOutcome outcome;

    protected BatchRun() {
    }

    public BatchRun(BatchKind kind, UUID startedBy, String node, int total, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = Objects.requireNonNull(kind);
        this.startedBy = Objects.requireNonNull(startedBy);
        this.node = Objects.requireNonNull(node);
        this.total = total;
        this.startedAt = now;
        this.updatedAt = now;
    }

    /** Adds one batch's counts. */
    public void counted(int users, int drifted, int repaired, int failures, Instant now) {
        requireRunning();
        this.done += users;
        this.drifted += drifted;
        this.repaired += repaired;
        this.failures += failures;
        this.updatedAt = now;
    }

    /** Asks the node running it to stop after the batch it is working on. */
    public void requestCancel() {
        requireRunning();
        cancelRequested = true;
    }

    public void finish(BatchOutcome outcome, Instant now) {
        requireRunning();
        this.outcome = Objects.requireNonNull(outcome);
        this.finishedAt = now;
        this.updatedAt = now;
    }

    public boolean running() {
        return outcome == null;
    }

    private void requireRunning() {
        if (!running()) {
            throw new IllegalStateException("batch run " + id + " has ended");
        }
    }

    public UUID id() {
        return id;
    }

    public BatchKind kind() {
        return kind;
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

    public int drifted() {
        return drifted;
    }

    public int repaired() {
        return repaired;
    }

    public int failures() {
        return failures;
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

    public BatchOutcome outcome() {
        return outcome;
    }
}
