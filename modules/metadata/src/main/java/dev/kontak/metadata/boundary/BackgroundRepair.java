package dev.kontak.metadata.boundary;

import dev.kontak.jobs.boundary.Job;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.metadata.control.CheckAndRepair;
import dev.kontak.metadata.control.MetadataMetrics;
import dev.kontak.metadata.control.UserIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The seed's background sync and data integrity checks, as a job: goes through every user's metadata in steps of
 * {@code kontak.sync.batch-size} users (default 200, user-id order), compares it with a full recompute from the
 * data and repairs the rows that drifted ({@link CheckAndRepair}). Run every {@code kontak.sync.interval} by
 * {@link RepairSchedule} on the one node that holds its lease, which keeps the lease for one interval after the
 * run, so the other nodes skip that interval instead of repeating the work.
 */
@ApplicationScoped
public class BackgroundRepair implements Job {

    public static final String KIND = "metadata-repair";

    @Inject
    CheckAndRepair checkAndRepair;

    @Inject
    UserIds users;

    @Inject
    @ConfigProperty(name = "kontak.sync.interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "kontak.sync.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    @Metric(name = MetadataMetrics.DRIFT_FOUND, absolute = true,
            description = "Metadata rows the background check found different from the data")
    Counter driftFound;

    @Inject
    @Metric(name = MetadataMetrics.DRIFT_REPAIRED, absolute = true,
            description = "Drifted metadata rows the background check repaired")
    Counter driftRepaired;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String lease() {
        return KIND;
    }

    @Override
    public int total() {
        return users.count();
    }

    @Override
    public JobStep next(String checkpoint) {
        JobStep step = checkAndRepair.next(checkpoint == null ? null : UUID.fromString(checkpoint), batchSize).step();
        // a suspect that could not even be checked under its lock counts as drifted, not repaired
        driftFound.inc(step.noticed() + step.failures());
        driftRepaired.inc(step.changed());
        return step;
    }

    @Override
    public Duration leaseAfterRun() {
        return interval.isNegative() ? Duration.ZERO : interval;
    }
}
