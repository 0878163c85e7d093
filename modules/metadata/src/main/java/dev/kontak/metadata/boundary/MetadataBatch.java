package dev.kontak.metadata.boundary;

import dev.kontak.auth.entity.Account;
import dev.kontak.metadata.control.BatchResult;
import dev.kontak.metadata.control.BatchRuns;
import dev.kontak.metadata.control.IntegrityCheck;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.metadata.control.SyncLeases;
import dev.kontak.metadata.control.ThisNode;
import dev.kontak.metadata.entity.BatchKind;
import dev.kontak.metadata.entity.BatchOutcome;
import dev.kontak.metadata.entity.BatchRun;
import dev.kontak.metadata.entity.SyncLease;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Verify integrity of all users" and "Refresh all" (the seed's bulk metadata refresh), started by an administrator
 * and run in the background on a managed executor, {@code kontak.batch.size} users at a time (user-id order, one
 * transaction per check, repair or refresh; verifying is {@link IntegrityCheck}, as for {@link MetadataSync}). Progress goes to the run's row after
 * every batch, so any node shows it; a cancel request is a flag in that row, seen after the batch in hand. One run
 * at a time across all nodes: the run holds the "metadata-batch" lease ({@link SyncLeases}) while it goes on.
 */
@ApplicationScoped
public class MetadataBatch {

    /** Renewed after every batch; a run whose node dies is free to be replaced this long after its last batch. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(MetadataBatch.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @PersistenceContext
    EntityManager em;

    @Inject
    SyncLeases leases;

    @Inject
    BatchRuns runs;

    @Inject
    IntegrityCheck integrity;

    @Inject
    MetadataRefresher refresher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.batch.size", defaultValue = "100")
    int batchSize;

    @Inject
    ThisNode node;

    /**
     * Starts a run over every user, in the background.
     *
     * @throws BatchAlreadyRunning if a run goes on, on any node
     */
    public BatchProgress start(BatchKind kind, UUID admin) {
        String holder = "run/" + UUID.randomUUID();
        if (!leases.take(SyncLease.METADATA_BATCH, holder, LEASE)) {
            throw new BatchAlreadyRunning(latest().filter(BatchProgress::running).orElse(null));
        }
        BatchRun run;
        try {
            run = runs.start(kind, admin, node.name(), LEASE);
            executor.execute(() -> work(run, holder));
        } catch (RuntimeException e) {
            leases.release(SyncLease.METADATA_BATCH, holder);
            throw e;
        }
        LOG.info(() -> "Metadata batch " + kind + " started on " + node.name() + " over " + run.total() + " users");
        return progress(run);
    }

    /** Asks the running run to stop after its current batch. @return false if it has ended already */
    public boolean cancel(UUID run) {
        return runs.requestCancel(run);
    }

    /** The run that goes on, or else the last one that ended (its summary); empty before the first run. */
    @Transactional
    public Optional<BatchProgress> latest() {
        return runs.latest().map(this::progress);
    }

    private void work(BatchRun run, String holder) {
        BatchOutcome outcome = BatchOutcome.COMPLETED;
        try {
            UUID after = null;
            BatchResult result;
            while (!(result = run.kind() == BatchKind.VERIFY ? integrity.next(after, batchSize) : refresh(after)).users().isEmpty()) {
                after = result.last();
                if (runs.record(run.id(), result)) {
                    outcome = BatchOutcome.CANCELLED;
                    break;
                }
                if (!leases.renew(SyncLease.METADATA_BATCH, holder, LEASE)) {
                    LOG.warning("Metadata batch stopped: its lease expired and another run took it");
                    outcome = BatchOutcome.INTERRUPTED;
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Metadata batch " + run.kind() + " failed", e);
            outcome = BatchOutcome.INTERRUPTED;
        } finally {
            runs.finish(run.id(), outcome);
            leases.release(SyncLease.METADATA_BATCH, holder);
        }
        BatchOutcome ended = outcome;
        LOG.info(() -> "Metadata batch " + run.kind() + " ended: " + ended);
    }

    /** Each user's full recompute is a transaction of its own: one failure loses nothing else. */
    private BatchResult refresh(UUID after) {
        List<UUID> users = runs.usersAfter(after, batchSize);
        List<UUID> refreshed = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        for (UUID user : users) {
            try {
                refresher.refresh(user);
                refreshed.add(user);
            } catch (RuntimeException e) {
                failed.add(user);
                LOG.log(Level.WARNING, "Metadata batch could not refresh user " + user, e);
            }
        }
        return new BatchResult(users, Map.of(), refreshed, failed);
    }

    private BatchProgress progress(BatchRun run) {
        Account admin = em.find(Account.class, run.startedBy());
        return BatchProgress.of(run, admin == null ? "" : admin.email(), clock.instant(), LEASE);
    }
}
