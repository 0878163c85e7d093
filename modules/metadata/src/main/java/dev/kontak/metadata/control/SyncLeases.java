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
 * The leases that let one node at a time repair metadata ({@link SyncLease#METADATA_SYNC}), and one administrator's
 * run over every user at a time ({@link SyncLease#METADATA_BATCH}), when several nodes share the database. A row
 * of metadata_sync_lease updated on a
 * condition ({@code held_until < now OR holder = me}) rather than a PostgreSQL advisory lock: the same JPQL runs on
 * H2, it needs no connection kept open for the whole run (an advisory session lock would pin one pooled connection
 * across many transactions), and a node that dies simply lets its lease expire. The holder keeps the lease for one
 * interval after its run, so the other nodes skip that interval instead of repeating the work; a batch run gives
 * its lease back when it ends. Times come from the
 * nodes' clocks: they must agree to well within a lease (NTP).
 */
@ApplicationScoped
public class SyncLeases {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Takes the named lease for {@code length} if it is free, expired or already the holder's; commits at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(String lease, String holder, Duration length) {
        Instant now = clock.instant();
        return em.createNamedQuery("SyncLease.take").setParameter("name", lease)
                .setParameter("node", holder).setParameter("now", now).setParameter("until", now.plus(length))
                .executeUpdate() == 1;
    }

    /** Extends the holder's lease; false if another holder has taken it meanwhile (it had expired). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String lease, String holder, Duration length) {
        return em.createNamedQuery("SyncLease.renew").setParameter("name", lease)
                .setParameter("node", holder).setParameter("until", clock.instant().plus(length))
                .executeUpdate() == 1;
    }

    /** Gives the lease back, so that the next holder can take it at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String lease, String holder) {
        em.createQuery("UPDATE SyncLease l SET l.heldUntil = :now WHERE l.name = :name AND l.holder = :holder")
                .setParameter("now", clock.instant()).setParameter("name", lease).setParameter("holder", holder)
                .executeUpdate();
    }
}
