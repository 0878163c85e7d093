package dev.kontak.metadata.boundary;

import dev.kontak.metadata.control.ClusterInvalidation;
import dev.kontak.metadata.control.MetadataCache;
import dev.kontak.metadata.control.MetadataMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Keeps this node's copies confirmed against the database, so that a copy is never served more than
 * {@code kontak.cache.reconcile-interval} (default 1 s) after the database last showed it current, even if every
 * invalidation message is lost: it reads the cached users' cache_versions, {@value #USERS_PER_QUERY} to a query,
 * confirms the copies that match and drops those behind. It runs twice an interval, so that a copy in use is
 * confirmed again before its confirmation lapses; a lapsed one is not served until confirmed or reloaded. While the
 * database cannot be read, nothing is confirmed and the copies lapse: requests then go to the database, as they must.
 */
@ApplicationScoped
public class CopyReconciliation {

    private static final Logger LOG = Logger.getLogger(CopyReconciliation.class.getName());

    static final int USERS_PER_QUERY = 1_000;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    MetadataCache cache;

    @Inject
    CacheVersions versions;

    @Inject
    ClusterInvalidation messages;

    @Inject
    @ConfigProperty(name = "kontak.cache.reconcile-interval", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @Metric(name = MetadataMetrics.RECONCILED_COPIES, absolute = true,
            description = "Copies the reconciliation found behind the database and dropped")
    Counter dropped;

    private ScheduledFuture<?> runs;
    private boolean failing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = interval.toMillis() / 2;
        if (every > 0) {
            runs = executor.scheduleWithFixedDelay(this::run, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    /** A failed run must not end the schedule; an outage is logged once, when it starts. */
    private void run() {
        try {
            messages.dropCopiesIfMessagesLost();
            reconcile();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "Cannot reconcile the metadata copies with the database; they lapse within "
                        + interval + " until it answers again: " + e);
            }
            failing = true;
        }
    }

    void reconcile() {
        List<UUID> users = cache.users();
        for (int from = 0; from < users.size(); from += USERS_PER_QUERY) {
            List<UUID> batch = users.subList(from, Math.min(users.size(), from + USERS_PER_QUERY));
            Map<UUID, MetadataCache.Stamp> stamps = batch.stream()
                    .collect(Collectors.toMap(Function.identity(), cache::stamp));
            Map<UUID, Long> current = versions.of(batch);
            for (UUID user : batch) {
                if (cache.confirm(user, current.getOrDefault(user, Long.MAX_VALUE), stamps.get(user))) {
                    dropped.inc();
                }
            }
        }
    }
}
