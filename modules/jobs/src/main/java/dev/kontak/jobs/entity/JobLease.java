package dev.kontak.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The right of one node to run the jobs of one lease until {@code heldUntil}. Taken and renewed only by the
 * conditional updates below, so that two nodes asking at once cannot both get it: the database applies one update
 * after the other, and the second finds the condition false.
 */
@Entity
@Table(name = "job_leases")
@NamedQuery(name = "JobLease.take", query = "UPDATE JobLease l SET l.holder = :node, l.heldUntil = :until "
        + "WHERE l.name = :name AND (l.heldUntil < :now OR l.holder = :node)")
@NamedQuery(name = "JobLease.renew", query = "UPDATE JobLease l SET l.heldUntil = :until "
        + "WHERE l.name = :name AND l.holder = :node")
public class JobLease {

    @Id
    private String name;

    private String holder;

    @Column(name = "held_until", nullable = false)
    private Instant heldUntil;

    protected JobLease() {
    }

    /** A lease no one holds. */
    public JobLease(String name) {
        this.name = name;
        this.holder = "";
        this.heldUntil = Instant.EPOCH;
    }
}
