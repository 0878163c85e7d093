package dev.kontak.metadata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease that lets one batch run at a time go on, whichever node started it: the "metadata-batch" row of
 * metadata_sync_lease, taken and renewed by the same conditional updates as the background repair's
 * ({@link SyncLeases}). The holder is the run itself (not the node), so that a node cannot start a second run beside
 * its own; the lease is given back when the run ends, and expires when its node dies.
 */
@ApplicationScoped
public class BatchLease {

    static final String NAME = "metadata-batch";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Takes the lease for {@code length} if it is free or expired; commits at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(String holder, Duration length) {
        Instant now = clock.instant();
        return em.createNamedQuery("SyncLease.take").setParameter("name", NAME).setParameter("node", holder)
                .setParameter("now", now).setParameter("until", now.plus(length)).executeUpdate() == 1;
    }

    /** Extends the holder's lease; false if it had expired and was taken by another run. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String holder, Duration length) {
        return em.createNamedQuery("SyncLease.renew").setParameter("name", NAME).setParameter("node", holder)
                .setParameter("until", clock.instant().plus(length)).executeUpdate() == 1;
    }

    /** Gives the lease back, so that the next run can start at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String holder) {
        em.createQuery("UPDATE SyncLease l SET l.heldUntil = :now WHERE l.name = :name AND l.holder = :holder")
                .setParameter("now", clock.instant()).setParameter("name", NAME).setParameter("holder", holder)
                .executeUpdate();
    }
}
