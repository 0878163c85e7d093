package dev.kontak.admin.control;

import dev.kontak.admin.entity.MetadataCounts;
import dev.kontak.admin.entity.NodeMinute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Where the nodes' counts per minute are kept: metadata_statistics. */
@ApplicationScoped
public class NodeMinutes {

    @PersistenceContext
    EntityManager em;

    /**
     * Adds what the node counted to its row of that minute, creating the row if the minute is new, and deletes the
     * rows before {@code keepFrom}; commits at once. Only the node itself writes its rows, one add at a time
     * ({@link MetadataStatistics} is synchronized), so the update-then-insert cannot race.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(String node, Instant minute, MetadataCounts counts, int cachedUsers, Instant now, Instant keepFrom) {
        int updated = em.createNamedQuery("NodeMinute.add")
                .setParameter("hits", counts.cacheHits()).setParameter("misses", counts.cacheMisses())
                .setParameter("refreshes", counts.refreshes()).setParameter("cheapRefreshes", counts.cheapRefreshes())
                .setParameter("refreshFailures", counts.refreshFailures())
                .setParameter("denials", counts.accessDenials()).setParameter("staleForms", counts.staleForms())
                .setParameter("driftFound", counts.driftFound()).setParameter("driftRepaired", counts.driftRepaired())
                .setParameter("cachedUsers", cachedUsers).setParameter("now", now)
                .setParameter("node", node).setParameter("minute", minute)
                .executeUpdate();
        if (updated == 0) {
            em.persist(new NodeMinute(node, minute, counts, cachedUsers, now));
        }
        em.createNamedQuery("NodeMinute.before").setParameter("before", keepFrom).executeUpdate();
    }

    /** Every node's rows from that minute on, oldest first. */
    public List<NodeMinute> since(Instant minute) {
        return em.createNamedQuery("NodeMinute.since", NodeMinute.class).setParameter("since", minute).getResultList();
    }
}
