package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.SyncLease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease that lets one node at a time repair metadata when several share the database. A row updated on a
 * condition ({@code held_until < now OR holder = me}) rather than a PostgreSQL advisory lock: the same JPQL runs on
 * H2, it needs no connection kept open for the whole run (an advisory session lock would pin one pooled connection
 * across many transactions), and a node that dies simply lets its lease expire. The holder keeps the lease for one
 * interval after its run, so the other nodes skip that interval instead of repeating the work. Times come from the
 * nodes' clocks: they must agree to well within a lease (NTP).
 */
@ApplicationScoped
public class SyncLeases {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Takes the lease for {@code length} if it is free, expired or already this node's; commits at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(String node, Duration length) {
        Instant now = clock.instant();
        return em.createNamedQuery("SyncLease.take").setParameter("name", SyncLease.METADATA_SYNC)
                .setParameter("node", node).setParameter("now", now).setParameter("until", now.plus(length))
                .executeUpdate() == 1;
    }

    /** Extends this node's lease; false if another node has taken it meanwhile (it had expired). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String node, Duration length) {
        return em.createNamedQuery("SyncLease.renew").setParameter("name", SyncLease.METADATA_SYNC)
                .setParameter("node", node).setParameter("until", clock.instant().plus(length))
                .executeUpdate() == 1;
    }
}
