package dev.kontak.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What one node counted in one minute (metadata_statistics), and how many users it kept in memory when it last
 * reported. Only that node writes the row: it adds to it, or creates it when the minute is new.
 */
@Entity
@Table(name = "metadata_statistics")
@NamedQuery(name = "NodeMinute.add", query = "UPDATE NodeMinute m SET m.cacheHits = m.cacheHits + :hits, "
        + "m.cacheMisses = m.cacheMisses + :misses, m.refreshes = m.refreshes + :refreshes, "
        + "m.cheapRefreshes = m.cheapRefreshes + :cheapRefreshes, m.refreshFailures = m.refreshFailures + :refreshFailures, m.accessDenials = m.accessDenials + :denials, "
        + "m.staleForms = m.staleForms + :staleForms, m.driftFound = m.driftFound + :driftFound, "
        + "m.driftRepaired = m.driftRepaired + :driftRepaired, m.cachedUsers = :cachedUsers, m.reportedAt = :now "
        + "WHERE m.node = :node AND m.minute = :minute")
@NamedQuery(name = "NodeMinute.since", query = "SELECT m FROM NodeMinute m WHERE m.minute >= :since ORDER BY m.minute")
@NamedQuery(name = "NodeMinute.before", query = "DELETE FROM NodeMinute m WHERE m.minute < :before")
public class NodeMinute {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String node;

    @Column(name = "minute_start", nullable = false, updatable = false)
    private Instant minute;

    @Column(name = "cache_hits", nullable = false)
    private long cacheHits;

    @Column(name = "cache_misses", nullable = false)
    private long cacheMisses;

    @Column(name = "cached_users", nullable = false)
    private int cachedUsers;

    @Column(nullable = false)
    private long refreshes;

    @Column(name = "cheap_refreshes", nullable = false)
    private long cheapRefreshes;

    @Column(name = "refresh_failures", nullable = false)
    private long refreshFailures;

    @Column(name = "access_denials", nullable = false)
    private long accessDenials;

    @Column(name = "stale_forms", nullable = false)
    private long staleForms;

    @Column(name = "drift_found", nullable = false)
    private long driftFound;

    @Column(name = "drift_repaired", nullable = false)
    private long driftRepaired;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected NodeMinute() {
    }

    public NodeMinute(String node, Instant minute, MetadataCounts counts, int cachedUsers, Instant reportedAt) {
        this.id = UUID.randomUUID();
        this.node = node;
        this.minute = minute;
        this.cacheHits = counts.cacheHits();
        this.cacheMisses = counts.cacheMisses();
        this.refreshes = counts.refreshes();
        this.cheapRefreshes = counts.cheapRefreshes();
        this.refreshFailures = counts.refreshFailures();
        this.accessDenials = counts.accessDenials();
        this.staleForms = counts.staleForms();
        this.driftFound = counts.driftFound();
        this.driftRepaired = counts.driftRepaired();
        this.cachedUsers = cachedUsers;
        this.reportedAt = reportedAt;
    }

    public String node() {
        return node;
    }

    public Instant minute() {
        return minute;
    }

    public MetadataCounts counts() {
        return new MetadataCounts(cacheHits, cacheMisses, refreshes, cheapRefreshes, refreshFailures, accessDenials,
                staleForms, driftFound, driftRepaired);
    }

    public int cachedUsers() {
        return cachedUsers;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
