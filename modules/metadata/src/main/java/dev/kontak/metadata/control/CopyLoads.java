package dev.kontak.metadata.control;

import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.RowLevelSecurity;
import dev.kontak.metadata.entity.CachedMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads users' copies into this node's {@link MetadataCache} off the request path. A copy holds every contact id
 * the user may access, so loading it is O(contacts) (about 200 ms at 100,000): a request of a user with more than
 * {@code kontak.cache.load-on-request-max-contacts} who finds no copy is checked against the access row instead
 * (one indexed probe) and leaves the load here ({@link FreshMetadata#forViewing}). Users wait in a set (one
 * load for the many requests of a returning user) drained by a task scheduled at start-up, for the reason given in
 * {@link RepairQueue}. Each load takes the cache's stamp before reading, so a change committed meanwhile
 * refuses the copy it made. A load reads in a transaction of its own acting for the user, begun by hand: Payara's
 * {@code @Transactional} interceptor keeps state in a field that all threads share, and a background thread in it
 * can take a request thread's right to use UserTransaction (seen in the tests).
 */
@ApplicationScoped
public class CopyLoads {

    private static final Logger LOG = Logger.getLogger(CopyLoads.class.getName());

    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    MetadataCache cache;

    @Inject
    MetadataRows rows;

    @Inject
    ActingUser acting;

    @Inject
    RowLevelSecurity rowLevelSecurity;

    @Resource
    UserTransaction transaction;

    private ScheduledFuture<?> loads;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        loads = executor.scheduleWithFixedDelay(this::loadPending, 100, 100, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (loads != null) {
            loads.cancel(false);
        }
    }

    public void schedule(UUID user) {
        pending.add(user);
    }

    /** Never throws: a task that throws is never run again. */
    void loadPending() {
        for (UUID user : List.copyOf(pending)) {
            pending.remove(user);
            try {
                cache.load(user, () -> read(user));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not load the metadata of user " + user
                        + " into this node's cache; requests use the access rows meanwhile", e);
            }
        }
    }

    Optional<CachedMetadata> read(UUID user) {
        return acting.as(UserId.of(user), () -> readAsCaller(user));
    }

    private Optional<CachedMetadata> readAsCaller(UUID user) {
        try {
            transaction.begin();
            try {
                rowLevelSecurity.actForCaller();
                return rows.copy(user);
            } finally {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
