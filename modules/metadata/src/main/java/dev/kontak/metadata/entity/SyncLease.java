package dev.kontak.metadata.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The right of one node to run the background repair until {@code heldUntil}. Taken and renewed only by the
 * conditional updates below, so that two nodes asking at once cannot both get it: the database applies one update
 * after the other, and the second finds the condition false.
 */
@Entity
@Table(name = "metadata_sync_lease")
@NamedQuery(name = "SyncLease.take", query = "UPDATE SyncLease l SET l.holder = :node, l.heldUntil = :until "
        + "WHERE l.name = :name AND (l.heldUntil < :now OR l.holder = :node)")
@NamedQuery(name = "SyncLease.renew", query = "UPDATE SyncLease l SET l.heldUntil = :until "
        + "WHERE l.name = :name AND l.holder = :node")
public class SyncLease {

    /** The one lease of the metadata repair, inserted by the migration. */
    public static final String METADATA_SYNC = "metadata-sync";

    /**
     * Held by one administrator's run over every user (not by its node, so that a node cannot start a second run
     * beside its own); expires when the run's node dies.
     */
    public static final String METADATA_BATCH = "metadata-batch";

    @Id
    private String name;

    private String holder;

    @Column(name = "held_until", nullable = false)
    private Instant heldUntil;

    protected SyncLease() {
    }
}
