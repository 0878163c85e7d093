package dev.kontak.metadata.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of the background repair: how many users it checked, how many rows it found drifted from the data and
 * how many it repaired. A run without {@code finishedAt} stopped before its end (node gone, lease lost, failure).
 */
@Entity
@Table(name = "metadata_sync_runs")
public class SyncRun {

    @Id
    private UUID id;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "users_checked", nullable = false)
    private int usersChecked;

    @Column(nullable = false)
    private int drifted;

    @Column(nullable = false)
    private int repaired;

    @Column(nullable = false, updatable = false)
    private String node;

    protected SyncRun() {
    }

    public SyncRun(String node, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.node = node;
        this.startedAt = startedAt;
    }

    /** Adds one batch's counts. */
    public void counted(int checked, int drifted, int repaired) {
        if (finishedAt != null) {
            throw new IllegalStateException("run " + id + " is finished");
        }
        this.usersChecked += checked;
        this.drifted += drifted;
        this.repaired += repaired;
    }

    public void finish(Instant now) {
        finishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int usersChecked() {
        return usersChecked;
    }

    public int drifted() {
        return drifted;
    }

    public int repaired() {
        return repaired;
    }

    public String node() {
        return node;
    }
}
