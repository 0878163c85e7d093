package dev.kontak.admin.boundary;

import dev.kontak.admin.boundary.MetadataHealthReport.Timing;
import dev.kontak.admin.control.MetadataStatistics;
import dev.kontak.admin.control.NodeMinutes;
import dev.kontak.jobs.control.JobRuns;
import dev.kontak.jobs.entity.JobRun;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.metadata.boundary.BackgroundRepair;
import dev.kontak.metadata.control.MetadataMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The figures of the admin metadata health page, read in one go. Ages, freshness and totals are counted in the
 * database when asked (one scan of user_metadata); drift is what the latest finished background check found
 * (checking every user's checksum on each page view would cost a full recompute per user); counts over time are
 * every node's rows of metadata_statistics, this node's brought up to date first; timings are this node's
 * MicroProfile timers.
 */
@ApplicationScoped
@Transactional
public class MetadataFigures {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    @Inject
    JobRuns runs;

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataStatistics statistics;

    @Inject
    NodeMinutes minutes;

    @Inject
    MetricRegistry registry;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.metadata.max-age", defaultValue = "PT2M")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "kontak.statistics.interval", defaultValue = "PT1M")
    Duration interval;

    @AcrossUsers
    public MetadataHealthReport report() {
        statistics.report();
        Instant now = clock.instant();
        AgeBuckets buckets = new AgeBuckets(maxAge);
        long[] ages = rowsAtMost(buckets.limits(), now);
        FreshnessCounts freshness = freshness(ages[0], ages[1 + buckets.limits().indexOf(maxAge)]);
        Optional<JobRun> check = lastCheck();
        RecentCounts recent = new RecentCounts(minutes.since(RecentCounts.firstHour(now)), now);
        // a node that missed three reports (at least five minutes) is gone
        Duration gone = interval.multipliedBy(3).compareTo(Duration.ofMinutes(5)) > 0
                ? interval.multipliedBy(3) : Duration.ofMinutes(5);
        return new MetadataHealthReport(now, freshness.users(), count("SELECT COUNT(c) FROM Contact c"),
                count("SELECT COUNT(a) FROM Activity a"), freshness.fresh(), freshness.stale(),
                check.map(run -> (long) run.noticed() + run.failures() - run.changed()).orElse(0L), freshness.missing(),
                check.map(JobRun::finishedAt).orElse(null), recent.nodes(now.minus(gone)),
                recent.refreshesPerMinute(), recent.cheapRefreshesPerMinute(), recent.errorsLastHour(), timing(MetadataMetrics.VALIDATION_TIME),
                timing(MetadataMetrics.REFRESH_TIME),
                buckets.of(ages[0], IntStream.range(1, ages.length).mapToLong(i -> ages[i]).toArray()),
                recent.refreshesPerHour(), recent.cheapRefreshesPerHour(), recent.denialsPerHour());
    }

    /** Fresh, stale and missing rows now. */
    @AcrossUsers
    public FreshnessCounts freshness() {
        long[] rows = rowsAtMost(List.of(maxAge), clock.instant());
        return freshness(rows[0], rows[1]);
    }

    /** The latest background repair that went through every user, if any did. */
    @AcrossUsers
    public Optional<JobRun> lastCheck() {
        return runs.lastCompleted(BackgroundRepair.KIND);
    }

    private FreshnessCounts freshness(long rows, long fresh) {
        long users = count("SELECT COUNT(a) FROM Account a");
        return new FreshnessCounts(users, fresh, rows - fresh, Math.max(0, users - rows));
    }

    /** All metadata rows, then for each age how many rows are at most that old: one scan. */
    private long[] rowsAtMost(List<Duration> ages, Instant now) {
        String sums = IntStream.range(0, ages.size())
                .mapToObj(i -> ", SUM(CASE WHEN m.updatedAt >= :since" + i + " THEN 1 ELSE 0 END)")
                .collect(Collectors.joining());
        var query = em.createQuery("SELECT COUNT(m)" + sums + " FROM UserMetadata m", Object[].class);
        for (int i = 0; i < ages.size(); i++) {
            query.setParameter("since" + i, now.minus(ages.get(i)));
        }
        Object[] row = query.getSingleResult();
        long[] counts = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            counts[i] = row[i] == null ? 0 : ((Number) row[i]).longValue();
        }
        return counts;
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    /** This node's timer: how many, and the median and 95th percentile of its recent samples. */
    private Timing timing(String name) {
        Timer timer = registry.getTimer(new MetricID(name));
        if (timer == null) {
            return new Timing(0, 0, 0);
        }
        Snapshot snapshot = timer.getSnapshot();
        return new Timing(timer.getCount(), percentile(snapshot, 0.5), percentile(snapshot, 0.95));
    }

    private static double percentile(Snapshot snapshot, double which) {
        for (Snapshot.PercentileValue value : snapshot.percentileValues()) {
            if (Math.abs(value.getPercentile() - which) < 1e-9) {
                return value.getValue() / NANOS_PER_MILLI;
            }
        }
        return 0;
    }
}
