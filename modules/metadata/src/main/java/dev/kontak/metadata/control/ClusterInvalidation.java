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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells the other nodes of a Payara Micro cluster (Hazelcast, the runtime's own) which users' metadata changed,
 * once the change has committed, so that they drop their copies too. On a single node (the default,
 * {@code --nocluster}) the event only reaches this node, whose copy the local observer already dropped.
 */
@ApplicationScoped
public class ClusterInvalidation {

    /** What crosses the cluster: user ids and the cache_versions they changed to. */
    public record MetadataInvalidation(HashMap<UUID, Long> versions) implements Serializable {
    }

    @Inject
    @Outbound(loopBack = false)
    Event<MetadataInvalidation> cluster;

    @Inject
    MetadataCache cache;

    @Inject
    Event<MetadataChangedElsewhere> elsewhere;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MetadataChanged change) {
        cluster.fire(new MetadataInvalidation(new HashMap<>(change.versions())));
    }

    /** Drops this node's copies first, then tells local listeners (open pages), which read the new versions. */
    void received(@Observes @Inbound MetadataInvalidation invalidation) {
        invalidation.versions().forEach(cache::invalidate);
        elsewhere.fire(new MetadataChangedElsewhere(Set.copyOf(invalidation.versions().keySet())));
    }
}
