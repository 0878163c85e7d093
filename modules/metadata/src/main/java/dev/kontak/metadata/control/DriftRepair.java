package dev.kontak.metadata.control;

import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.metadata.entity.Drift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compares users' stored metadata with a full recompute from the data, and repairs the rows that drifted (a buggy
 * script, a manual fix in SQL, a bug in a delta). Each step is a transaction of its own, so a run over every user
 * never holds one large transaction or many locks.
 */
@ApplicationScoped
public class DriftRepair {

    /** One batch of users, in user-id order, and those whose row looked drifted without a lock. */
    public record Batch(List<UUID> users, List<UUID> suspects) {

        public UUID last() {
            return users.get(users.size() - 1);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataRows rows;

    @Inject
    MetadataRefresher refresher;

    @Inject
    AccessList access;

    @Inject
    AccessibleData data;

    @Inject
    UserIds userIds;


    /**
     * Checks the next {@code size} users after {@code after} (all from the first when null), reading only: a
     * suspect may be a change that committed between reading the data and reading the row, so {@link #repair}
     * looks again under the row lock.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @AcrossUsers
    public Batch check(UUID after, int size) {
        List<UUID> users = userIds.after(after, size);
        List<UUID> suspects = new ArrayList<>();
        for (UUID user : users) {
            if (driftOf(user).any()) {
                suspects.add(user);
            }
        }
        return new Batch(users, suspects);
    }

    /**
     * Locks the user's access rows a recompute would delete (if there are any) and the metadata row (the lock order of
     * {@link AccessList#holdUsersWith}), compares again and, if it still differs from the data,
     * replaces it with a full recompute (which bumps cache_version and fires {@link MetadataChanged}, so copies are
     * dropped after the commit).
     * Changes of the user's data wait for the lock, so what is compared under it is exactly what is committed.
     *
     * @return the drift found and repaired, {@link Drift#none()} if the row was right after all
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @AcrossUsers
    public Drift repair(UUID user) {
        if (data.compare(user).extra() > 0) {
            access.holdNoLongerAccessible(user);
        }
        rows.lock(List.of(user));
        Drift drift = driftOf(user);
        if (drift.any()) {
            refresher.refresh(user);
        }
        return drift;
    }

    private Drift driftOf(UUID user) {
        return rows.find(user)
                .map(row -> Drift.between(refresher.compute(user), rows.current(user).orElseThrow(), row.contactCount()))
                .orElseGet(Drift::missingRow);
    }
}
