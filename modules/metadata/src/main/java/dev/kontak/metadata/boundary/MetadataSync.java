package dev.kontak.metadata.boundary;

import dev.kontak.metadata.control.BatchResult;
import dev.kontak.metadata.control.IntegrityCheck;
import dev.kontak.metadata.control.MetadataStatistics;
import dev.kontak.metadata.control.SyncLeases;
import dev.kontak.metadata.control.SyncRuns;
import dev.kontak.metadata.control.ThisNode;
import dev.kontak.metadata.entity.SyncLease;
import dev.kontak.metadata.entity.SyncRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The seed's background sync and data integrity checks: goes through every user's metadata in batches of
 * {@code kontak.sync.batch-size} users (default 200, user-id order, one transaction each), compares it with a full
 * recompute from the data and repairs the rows that drifted. Runs every {@code kontak.sync.interval}
 * ({@link SyncSchedule}) on the one node that holds the lease ({@link SyncLeases}); {@link #runNow()} runs it at
 * once, for tests and administrators. No transaction of its own: each batch and each repair is one.
 */
@ApplicationScoped
public class MetadataSync {

    /** A lease must outlast one batch and its repairs even when the interval is short. */
    private static final Duration MINIMUM_LEASE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(MetadataSync.class.getName());

    @Inject
    SyncLeases leases;

    @Inject
    SyncRuns runs;

    @Inject
    IntegrityCheck integrity;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.sync.interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "kontak.sync.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    ThisNode thisNode;

    @Inject
    @Metric(name = MetadataStatistics.DRIFT_FOUND, absolute = true,
            description = "Metadata rows the background check found different from the data")
    Counter driftFound;

    @Inject
    @Metric(name = MetadataStatistics.DRIFT_REPAIRED, absolute = true,
            description = "Drifted metadata rows the background check repaired")
    Counter driftRepaired;

    /**
     * Checks every user and repairs what drifted, unless another node holds the lease.
     *
     * @return the run's record, or empty when the run was skipped for another node's lease
     */
    public Optional<SyncRun> runNow() {
        String node = thisNode.name();
        Duration lease = interval.compareTo(MINIMUM_LEASE) > 0 ? interval : MINIMUM_LEASE;
        if (!leases.take(SyncLease.METADATA_SYNC, node, lease)) {
            LOG.fine("Metadata sync skipped: another node holds the lease");
            return Optional.empty();
        }
        SyncRun run = runs.store(new SyncRun(node, clock.instant()));
        Map<String, Integer> columns = new TreeMap<>();
        UUID after = null;
        BatchResult batch;
        while (!(batch = integrity.next(after, batchSize)).users().isEmpty()) {
            // a suspect that could not even be checked under its lock counts as drifted, not repaired
            int drifted = batch.drifted() + batch.failed().size();
            int repaired = batch.drifted();
            driftFound.inc(drifted);
            driftRepaired.inc(repaired);
            batch.checked().values().forEach(drift -> drift.columns()
                    .forEach(column -> columns.merge(column, 1, Integer::sum)));
            run.counted(batch.users().size(), drifted, repaired);
            run = runs.store(run);
            after = batch.last();
            if (!leases.renew(SyncLease.METADATA_SYNC, node, lease)) {
                LOG.warning(() -> "Metadata sync stopped: the lease expired and another node took it");
                return Optional.of(run);
            }
        }
        run.finish(clock.instant());
        SyncRun finished = runs.store(run);
        LOG.info(() -> "Metadata sync on " + node + ": " + finished.usersChecked() + " users checked, "
                + finished.drifted() + " drifted " + columns + ", " + finished.repaired() + " repaired in "
                + Duration.between(finished.startedAt(), finished.finishedAt()).toMillis() + " ms");
        return Optional.of(finished);
    }
}
