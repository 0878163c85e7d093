package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.SyncRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Where the records of repair runs are kept: metadata_sync_runs. */
@ApplicationScoped
public class SyncRuns {

    @PersistenceContext
    EntityManager em;

    /** Stores the run as it is now, in a transaction of its own, so that its progress stays even if it stops. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SyncRun store(SyncRun run) {
        return em.merge(run);
    }
}
