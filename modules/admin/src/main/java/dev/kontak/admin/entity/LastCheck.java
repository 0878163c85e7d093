package dev.kontak.admin.entity;

import dev.kontak.metadata.entity.Drift;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What administrators last learnt about one user's metadata: the latest integrity check (when, and whether the
 * row matched the data or had to be repaired, with the names of the drifted columns) and the latest full refresh
 * they asked for.
 */
@Entity
@Table(name = "metadata_checks")
public class LastCheck {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Enumerated(EnumType.STRING)
    private CheckOutcome outcome;

    @Column(name = "drifted_columns")
    private String driftedColumns;

    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    protected LastCheck() {
    }

    public LastCheck(UUID userId) {
        this.userId = userId;
    }

    /** A check found this drift ({@link Drift#none()} when the row matched) and repaired it. */
    public void checked(Instant now, Drift drift) {
        checkedAt = now;
        outcome = drift.any() ? CheckOutcome.REPAIRED : CheckOutcome.MATCHED;
        driftedColumns = drift.any() ? String.join(", ", drift.columns()) : null;
        if (drift.any()) {
            refreshedAt = now;
        }
    }

    public void failed(Instant now) {
        checkedAt = now;
        outcome = CheckOutcome.FAILED;
        driftedColumns = null;
    }

    public void refreshed(Instant now) {
        refreshedAt = now;
    }

    public UUID userId() {
        return userId;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public CheckOutcome outcome() {
        return outcome;
    }

    public String driftedColumns() {
        return driftedColumns;
    }

    public Instant refreshedAt() {
        return refreshedAt;
    }
}
