package dev.kontak.web.live;

import dev.kontak.metadata.boundary.CacheVersions;
import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.metadata.control.MetadataChanged;
import dev.kontak.metadata.control.MetadataChangedElsewhere;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open event streams of this node, by user, and what goes into them: each user's new {@code cache_version}
 * once a change that affects them has committed, and a comment every {@code kontak.live.heartbeat} so that
 * proxies keep the connection and closed ones are found and dropped. A user has at most {@link #PER_USER} streams
 * (tabs); opening one more closes their oldest.
 */
@ApplicationScoped
public class MetadataStreams {

    static final int PER_USER = 16;
    private static final String SESSION_KEY = MetadataStreams.class.getName();
    private static final Logger LOG = Logger.getLogger(MetadataStreams.class.getName());

    @Inject
    Metadata metadata;

    @Inject
    CacheVersions versions;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "kontak.live.heartbeat", defaultValue = "PT20S")
    Duration heartbeat;

    private final Map<UUID, List<EventStream>> streams = new ConcurrentHashMap<>();
    private ScheduledFuture<?> heartbeats;

    @PostConstruct
    void startHeartbeats() {
        long every = heartbeat.toMillis();
        heartbeats = scheduler.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeats.cancel(false);
        streams.values().forEach(list -> list.forEach(EventStream::close));
        streams.clear();
    }

    /** Only after the commit: a rolled-back change has changed nothing that a page could show. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS, notifyObserver = Reception.IF_EXISTS)
            MetadataChanged change) {
        publish(change.userIds());
    }

    /** Changes committed on another node of the cluster reach this node's pages too. */
    void elsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) MetadataChangedElsewhere change) {
        publish(change.userIds());
    }

    /**
     * Tells these users' open pages that their metadata moved. Returns at once: reading the new versions and
     * writing to the streams happens on the managed executor, never in the request that made the change.
     */
    public void publish(Set<UUID> users) {
        Set<UUID> listening = Set.copyOf(users.stream().filter(streams::containsKey).toList());
        if (!listening.isEmpty()) {
            executor.execute(() -> listening.forEach(this::sendVersion));
        }
    }

    /** Starts a user's stream with their current version: a change between rendering and listening is not lost. */
    void open(EventStream stream) {
        List<EventStream> evicted = new ArrayList<>();
        // inside compute, so that closing the user's last other stream meanwhile cannot orphan this one
        streams.compute(stream.user(), (user, own) -> {
            List<EventStream> open = own == null ? new CopyOnWriteArrayList<>() : own;
            open.add(stream);
            while (open.size() > PER_USER) {
                evicted.add(open.remove(0));
            }
            return open;
        });
        evicted.forEach(EventStream::close);
        if (!stream.send(versionEvent(metadata.cacheValidity(0).cacheVersion()))) {
            closed(stream);
        }
    }

    void closed(EventStream stream) {
        streams.computeIfPresent(stream.user(), (user, own) -> {
            own.remove(stream);
            return own.isEmpty() ? null : own;
        });
        stream.close();
    }

    /**
     * The key of a session's streams: a value kept in the session rather than its id, which changes at sign-in
     * and, on Payara, at sign-out.
     */
    static String keyOf(HttpSession session) {
        Object key = session.getAttribute(SESSION_KEY);
        if (key == null) {
            key = UUID.randomUUID().toString();
            session.setAttribute(SESSION_KEY, key);
        }
        return (String) key;
    }

    /** Signing out (or the session timing out) ends that session's streams. */
    void sessionEnded(HttpSession session) {
        Object key = session.getAttribute(SESSION_KEY);
        if (key != null) {
            streams.values().forEach(own -> own.stream().filter(stream -> stream.sessionKey().equals(key))
                    .forEach(this::closed));
        }
    }

    private void sendVersion(UUID user) {
        List<EventStream> own = streams.get(user);
        if (own == null) {
            return;
        }
        try {
            String event = versionEvent(versions.of(user));
            own.stream().filter(stream -> !stream.send(event)).forEach(this::closed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send a metadata event", e);
        }
    }

    private static String versionEvent(long version) {
        return "event: metadata\ndata: {\"cacheVersion\":" + version + "}\n\n";
    }

    private void beat() {
        try {
            streams.values().forEach(own -> own.stream().filter(stream -> !stream.send(": heartbeat\n\n"))
                    .forEach(this::closed));
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: keep the heartbeat alive
            LOG.log(Level.WARNING, "Heartbeat failed", e);
        }
    }
}
