package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.BatchKind;
import dev.kontak.metadata.entity.BatchOutcome;
import dev.kontak.metadata.entity.BatchRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where batch runs are recorded (metadata_batch_runs), each step in a transaction of its own: the progress stays
 * when the run stops, and every node reads it from the row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class BatchRuns {

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataChecks checks;

    @Inject
    Clock clock;

    /**
     * Records a new run over every user. Runs left unfinished by a node that stopped reporting for longer than
     * {@code silence} (the lease length: whoever takes the lease knows they are dead) end as interrupted.
     */
    public BatchRun start(BatchKind kind, UUID startedBy, String node, Duration silence) {
        for (BatchRun abandoned : em.createNamedQuery("BatchRun.unfinished", BatchRun.class).getResultList()) {
            if (abandoned.updatedAt().plus(silence).isBefore(clock.instant())) {
                abandoned.finish(BatchOutcome.INTERRUPTED, clock.instant());
            }
        }
        long users = em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
        BatchRun run = new BatchRun(kind, startedBy, node, (int) users, clock.instant());
        em.persist(run);
        return run;
    }

    /** Stores one batch's results and the run's progress together. @return whether an administrator asked to stop */
    public boolean record(UUID run, BatchResult result) {
        BatchRun row = em.find(BatchRun.class, run, LockModeType.PESSIMISTIC_WRITE);
        checks.checked(result.checked(), result.failed());
        checks.refreshed(result.refreshed());
        row.counted(result.users().size(), result.drifted(), result.repaired(), result.failed().size(), clock.instant());
        return row.cancelRequested();
    }

    public void finish(UUID run, BatchOutcome outcome) {
        em.find(BatchRun.class, run, LockModeType.PESSIMISTIC_WRITE).finish(outcome, clock.instant());
    }

    /** @return false where the run has ended already */
    public boolean requestCancel(UUID run) {
        BatchRun row = em.find(BatchRun.class, run, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.running()) {
            return false;
        }
        row.requestCancel();
        return true;
    }

    /** The run that has not ended, or else the one that started last (a newer finished run must not hide it). */
    public Optional<BatchRun> latest() {
        return first("BatchRun.unfinished").or(() -> first("BatchRun.latest"));
    }

    private Optional<BatchRun> first(String query) {
        return em.createNamedQuery(query, BatchRun.class).setMaxResults(1).getResultStream().findFirst();
    }

    /** The next {@code size} users after {@code after} (from the first when null), in user-id order. */
    public List<UUID> usersAfter(UUID after, int size) {
        return (after == null
                ? em.createQuery("SELECT a.id FROM Account a ORDER BY a.id", UUID.class)
                : em.createQuery("SELECT a.id FROM Account a WHERE a.id > :after ORDER BY a.id", UUID.class)
                        .setParameter("after", after))
                .setMaxResults(size).getResultList();
    }
}
