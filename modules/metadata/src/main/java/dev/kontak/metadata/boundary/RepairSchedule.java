package dev.kontak.metadata.boundary;

import dev.kontak.jobs.boundary.JobRunner;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link BackgroundRepair} every {@code kontak.sync.interval} (ISO-8601, default PT5M; zero or negative turns it
 * off), the first time one interval after start, never during deployment.
 *
 * <p>Jakarta Concurrency's {@link ManagedScheduledExecutorService} rather than an EJB timer: {@code @Schedule} takes
 * only compile-time constants, not a duration from MicroProfile Config; a programmatic TimerService needs an EJB,
 * and this module is plain CDI; {@code scheduleWithFixedDelay} never starts a run while the previous one on this
 * node is still going. Nothing is persistent: a node that is down runs nothing, and which node runs at all is the
 * lease's business, not the scheduler's.
 */
@ApplicationScoped
public class RepairSchedule {

    private static final Logger LOG = Logger.getLogger(RepairSchedule.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    JobRunner runner;

    @Inject
    BackgroundRepair repair;

    @Inject
    @ConfigProperty(name = "kontak.sync.interval", defaultValue = "PT5M")
    Duration interval;

    private ScheduledFuture<?> runs;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("The background repair is off (kontak.sync.interval " + interval + ")");
            return;
        }
        long millis = interval.toMillis();
        runs = executor.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Time left until the next scheduled run; empty when the schedule is off. */
    public Optional<Duration> untilNextRun() {
        return Optional.ofNullable(runs).map(next -> Duration.ofMillis(next.getDelay(TimeUnit.MILLISECONDS)));
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    /** A failed run must not end the schedule (a task that throws is never run again). */
    private void run() {
        try {
            runner.runHere(repair);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The background repair failed; next run in " + interval, e);
        }
    }
}
