package dev.kontak.metadata.control;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Invalidations cross the cluster as messages ({@link ClusterInvalidation}), and nothing replays a message that a
 * node missed while it was cut off from the others. So whenever this node's view of the cluster changes (a member
 * left or crashed, a member joined, a split cluster merged again), it forgets every copy it holds: what it reads
 * next comes from the database. Until Hazelcast's failure detector notices a silent partition, the copies are
 * bounded by the reconciliation ({@code kontak.cache.reconcile-interval}, see {@link MetadataCache#confirm}); writes
 * never trust a copy anyway.
 */
@ApplicationScoped
public class ClusterMembership implements MembershipListener, LifecycleListener {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());

    @Inject
    MetadataCache cache;

    private HazelcastInstance cluster;
    private UUID membershipRegistration;
    private UUID lifecycleRegistration;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        runningCluster().ifPresent(running -> {
            cluster = running;
            membershipRegistration = running.getCluster().addMembershipListener(this);
            lifecycleRegistration = running.getLifecycleService().addLifecycleListener(this);
            LOG.info("Watching the cluster's members: metadata copies are dropped whenever one leaves or joins");
        });
    }

    @PreDestroy
    void stop() {
        if (cluster != null && cluster.getLifecycleService().isRunning()) {
            cluster.getCluster().removeMembershipListener(membershipRegistration);
            cluster.getLifecycleService().removeLifecycleListener(lifecycleRegistration);
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        forgetCopies("member joined: " + event.getMember().getAddress());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        forgetCopies("member left or lost: " + event.getMember().getAddress());
    }

    @Override
    public void stateChanged(LifecycleEvent event) {
        if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
            forgetCopies("split cluster merged again");
        }
    }

    private void forgetCopies(String why) {
        int dropped = cache.size();
        cache.clear();
        LOG.info(() -> "Cluster changed (" + why + "): dropped " + dropped + " cached metadata copies");
    }

    /** Payara Micro's own Hazelcast member; none with {@code --nocluster}. */
    private static Optional<HazelcastInstance> runningCluster() {
        try {
            HazelcastInstance instance = InitialContext.doLookup("payara/Hazelcast");
            return Optional.ofNullable(instance).filter(running -> running.getLifecycleService().isRunning());
        } catch (NamingException | RuntimeException e) {
            LOG.fine(() -> "No cluster to watch: " + e);
            return Optional.empty();
        }
    }
}
