package dev.kontak.metadata.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Repairs users' metadata off the request path, when an operation met it disagreeing with the data: the same check
 * and repair as the background one ({@link DriftRepair#repair}: under the user's locks, a full recompute only
 * if the row still differs), within about a second, so that the request that noticed it is answered at once.
 * Users wait in a set (one repair for many requests that noticed the same user) drained by a task scheduled at
 * start-up, not by a task submitted from the request: a task submitted from inside a request shares the request's
 * invocation context with it on Payara, and its transactions then disturb the request's own. A repair that fails
 * is left to the background repair.
 */
@ApplicationScoped
public class RepairQueue {

    private static final Logger LOG = Logger.getLogger(RepairQueue.class.getName());

    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    DriftRepair audit;

    private ScheduledFuture<?> repairs;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        repairs = executor.scheduleWithFixedDelay(this::repairPending, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (repairs != null) {
            repairs.cancel(false);
        }
    }

    public void schedule(UUID user) {
        pending.add(user);
    }

    /** Users whose repair has not finished yet: waiting, or under way. */
    public int unfinished() {
        return pending.size() + running.get();
    }

    /** Never throws: a task that throws is never run again. */
    private void repairPending() {
        for (UUID user : List.copyOf(pending)) {
            running.incrementAndGet();
            pending.remove(user);
            try {
                audit.repair(user);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not repair the metadata of user " + user
                        + "; the background repair will try again", e);
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
