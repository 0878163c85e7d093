package dev.kontak.admin.control;

import static dev.kontak.metadata.control.MetadataMetrics.*;

import dev.kontak.admin.entity.MetadataCounts;
import dev.kontak.jobs.control.ThisNode;
import dev.kontak.metadata.control.MetadataCache;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Writes what this node's MicroProfile counters counted since its last report into this node's row of the
 * current minute (metadata_statistics), every {@code kontak.statistics.interval} (default one minute) and whenever
 * the figures are read, so that the admin page can add up every node's counts over the last hour and day. The
 * counters themselves (what {@code /metrics} shows) are the only place where anything is counted; this only takes
 * differences of two readings. Rows older than 48 hours are deleted.
 */
@ApplicationScoped
public class MetadataStatistics {

    public static final Duration KEPT = Duration.ofHours(48);

    private static final Logger LOG = Logger.getLogger(MetadataStatistics.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    MetadataCache cache;

    @Inject
    NodeMinutes minutes;

    @Inject
    ThisNode node;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "kontak.statistics.interval", defaultValue = "PT1M")
    Duration interval;

    private MetadataCounts reported = MetadataCounts.NONE;
    private ScheduledFuture<?> reports;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long millis = interval.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("kontak.statistics.interval must be positive, not " + interval);
        }
        reports = executor.scheduleWithFixedDelay(this::scheduled, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (reports != null) {
            reports.cancel(false);
        }
    }

    /**
     * Adds what was counted since the last report to this node's row of the current minute. The reading is kept
     * only once the row is written, so a failed write is made up for by the next report.
     */
    public synchronized void report() {
        MetadataCounts now = counted();
        Instant at = clock.instant();
        minutes.add(node.name(), at.truncatedTo(ChronoUnit.MINUTES), now.since(reported), cache.size(), at,
                at.minus(KEPT));
        reported = now;
    }

    /** What this node's counters say now. */
    public MetadataCounts counted() {
        return new MetadataCounts(count(CACHE_HITS), count(CACHE_MISSES),
                count(REFRESHES), count(CHEAP_REFRESHES), count(REFRESH_FAILURES),
                count(DENIALS, new Tag("reason", ACCESS_DENIED)), count(DENIALS, new Tag("reason", STALE_FORM)),
                count(DRIFT_FOUND), count(DRIFT_REPAIRED));
    }

    /** A counter that no bean has registered yet has counted nothing. */
    private long count(String name, Tag... tags) {
        Counter counter = registry.getCounter(new MetricID(name, tags));
        return counter == null ? 0 : counter.getCount();
    }

    /** A failed report must not end the schedule (a task that throws is never run again). */
    private void scheduled() {
        try {
            report();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write this node's metadata statistics; next try in " + interval, e);
        }
    }
}
