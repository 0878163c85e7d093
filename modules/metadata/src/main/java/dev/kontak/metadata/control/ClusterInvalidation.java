package dev.kontak.metadata.control;

import fish.payara.micro.cdi.Inbound;
import fish.payara.micro.cdi.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Tells the other nodes of a Payara Micro cluster (Hazelcast, the runtime's own) which users' metadata changed,
 * once the change has committed, so that they drop their copies too. On a single node (the default,
 * {@code --nocluster}) the event only reaches this node, whose copy the local observer already dropped.
 *
 * <p>The messages ride a Hazelcast topic, which may lose one without any other sign. So each node numbers the
 * messages it sends, and a node that finds a number missing from a sender ({@link InvalidationNumbers}) drops all
 * its copies: it cannot know whose they were. Should every message be lost, the reconciliation still bounds how
 * long a copy is served unconfirmed ({@link MetadataCache#confirm}).
 */
@ApplicationScoped
public class ClusterInvalidation {

    private static final Logger LOG = Logger.getLogger(ClusterInvalidation.class.getName());

    /** What crosses the cluster: who sent it, its number from that sender, user ids and their new cache_versions. */
    public record MetadataInvalidation(UUID sender, long number, HashMap<UUID, Long> versions) implements Serializable {
    }

    private final UUID self = UUID.randomUUID();
    private final InvalidationNumbers numbers = new InvalidationNumbers();
    private long sent;

    @Inject
    @Outbound(loopBack = false)
    Event<MetadataInvalidation> cluster;

    @Inject
    MetadataCache cache;

    @Inject
    Event<MetadataChangedElsewhere> elsewhere;

    @Inject
    @Metric(name = MetadataMetrics.LOST_INVALIDATIONS, absolute = true,
            description = "Invalidation messages from other nodes found missing (each made this node drop its copies)")
    Counter lostMessages;

    /** Numbered and sent under one lock, so that the numbers leave this node in order. */
    synchronized void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MetadataChanged change) {
        cluster.fire(new MetadataInvalidation(self, ++sent, new HashMap<>(change.versions())));
    }

    /** Drops this node's copies first, then tells local listeners (open pages), which read the new versions. */
    protected void received(@Observes @Inbound MetadataInvalidation invalidation) {
        invalidation.versions().forEach(cache::invalidate);
        dropCopiesIfLost(numbers.received(invalidation.sender(), invalidation.number(), System.nanoTime()));
        elsewhere.fire(new MetadataChangedElsewhere(Set.copyOf(invalidation.versions().keySet())));
    }

    /** For messages that stay missing while no later one arrives; run with every reconciliation. */
    public void dropCopiesIfMessagesLost() {
        dropCopiesIfLost(numbers.lost(System.nanoTime()));
    }

    private void dropCopiesIfLost(int lost) {
        if (lost > 0) {
            int dropped = cache.size();
            cache.clear();
            lostMessages.inc(lost);
            LOG.fine(() -> lost + " invalidation messages from other nodes were lost: dropped " + dropped
                    + " cached metadata copies");
        }
    }
}
