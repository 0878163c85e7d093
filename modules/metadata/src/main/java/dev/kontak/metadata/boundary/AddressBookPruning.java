package dev.kontak.metadata.boundary;

import dev.kontak.metadata.control.AddressBookChanges;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code kontak.carddav.prune-interval} (default PT1H), deletes the address book changes older than
 * {@code kontak.carddav.sync-window} (default P30D), a user at a time under their metadata row's lock: a client that
 * has not synced for longer syncs its whole book again (RFC 6578's valid-sync-token). Every node runs it; a second
 * run finds nothing left to delete.
 */
@ApplicationScoped
public class AddressBookPruning {

    private static final Logger LOG = Logger.getLogger(AddressBookPruning.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    AddressBookChanges changes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.carddav.sync-window", defaultValue = "P30D")
    Duration window;

    @Inject
    @ConfigProperty(name = "kontak.carddav.prune-interval", defaultValue = "PT1H")
    Duration interval;

    private ScheduledFuture<?> runs;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        runs = executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    /** A failed run must not end the schedule. */
    private void run() {
        try {
            changes.olderThan(clock.instant().minus(window)).forEach(changes::prune);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pruning the address book changes failed; next run in " + interval, e);
        }
    }
}
