package dev.kontak.metadata.control;

import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.metadata.entity.MetadataTotals;
import dev.kontak.metadata.entity.MetadataValues;
import dev.kontak.metadata.entity.UserMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Recomputes a user's metadata from the data itself (the seed's refresh_user_metadata): a few set-based statements,
 * O(their contacts) rows read by index, for repairs and administrators, never on the path of a request; and
 * refreshes stale metadata on a request without recomputing it ({@link #refreshIfStale}).
 */
@ApplicationScoped
@Transactional
public class MetadataRefresher {

    /** A cheap refresh: the row's version before and after; its data and access list are unchanged. */
    public record Revalidation(long before, long after) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataRows rows;

    @Inject
    AccessList access;

    @Inject
    AccessibleData data;

    @Inject
    TeamPermissions teams;

    @Inject
    ActingUser caller;

    @Inject
    Clock clock;

    @Inject
    Event<MetadataChanged> metadataChanges;

    @Inject
    @Metric(name = MetadataMetrics.REFRESH_TIME, absolute = true,
            description = "Recomputing a user's metadata from the data and writing it (failures included)")
    Timer refreshTime;

    @Inject
    @Metric(name = MetadataMetrics.REFRESHES, absolute = true,
            description = "Full recomputes: users' metadata recomputed from the data and written")
    Counter refreshes;

    @Inject
    @Metric(name = MetadataMetrics.CHEAP_REFRESHES, absolute = true,
            description = "Stale metadata refreshed on a request without a full recompute (stamped fresh, version bumped)")
    Counter cheapRefreshes;

    @Inject
    @Metric(name = MetadataMetrics.REFRESH_FAILURES, absolute = true,
            description = "Recomputes of a user's metadata that failed")
    Counter refreshFailures;

    /** What the user's metadata must be, computed from contacts and teams by the database. Writes nothing. */
    public MetadataValues compute(UUID user) {
        MetadataTotals totals = data.totals(user);
        TeamPermissions.Grants grants = teams.of(user);
        return new MetadataValues(data.contactIds(user), totals.activityCount(), totals.lastActivityAt(),
                grants.teamIds(), grants.permissions(), totals.dataChecksum());
    }

    /**
     * Full recompute: the row and the access list become what the data says; the version grows. Set-based: one
     * statement ({@link AccessibleData#compare}) gives the totals and tells whether the access list differs from
     * the data; only then is it replaced by difference ({@link AccessList#replaceWithAccessible}). Nothing is
     * loaded into Java but those numbers. Written at once (flush), so that the time measured includes the write and
     * a write that fails counts as a failed refresh. Maintenance work (repairs, "refresh all", an administrator's
     * "refresh now"): it sees every user's rows under row level security.
     *
     * <p>Locks: the access rows the recompute will delete (only if there are any), then the metadata row. What was
     * read before the row lock is used only if the row's version did not move meanwhile (every change of the
     * user's data bumps it under that lock); otherwise it is read again under the lock.
     */
    @AcrossUsers
    public UserMetadata refresh(UUID user) {
        Timer.Context timing = refreshTime.time();
        try {
            AccessibleData.Comparison seen = data.compare(user);
            if (seen.extra() > 0) {
                access.holdNoLongerAccessible(user);
            }
            UserMetadata metadata = rows.lock(List.of(user)).stream().findFirst()
                    .orElseGet(() -> rows.create(user, teams.of(user).permissions()));
            MetadataTotals totals = seen.totals();
            boolean corrected = false;
            if (metadata.cacheVersion() != seen.version() || !seen.accessListMatches()) {
                corrected = access.replaceWithAccessible(user) > 0; // access the change log did not see
                totals = data.totals(user);
            }
            TeamPermissions.Grants grants = teams.of(user);
            metadata.recomputed(totals, grants.teamIds(), grants.permissions());
            metadata.changed(clock.instant(), true, true);
            if (corrected) {
                metadata.changesKnownFromNow();
            }
            em.flush();
            metadataChanges.fire(new MetadataChanged(Map.of(user, metadata.cacheVersion())));
            refreshes.inc();
            return metadata;
        } catch (RuntimeException e) {
            refreshFailures.inc();
            throw e;
        } finally {
            timing.stop();
        }
    }

    /**
     * Refreshes the user's metadata if it is older than {@code maxAge}, in a transaction of its own so that the
     * refresh stays even if the operation that asked for it is refused. Requests of one user that find the row
     * stale together wait for the first one's lock on the metadata row and then find it fresh: one refresh, not
     * one each.
     *
     * <p>The refresh is cheap, O(1): every change Kontak makes already updated this row in its own transaction, so
     * there is nothing to recompute; the row is stamped fresh and its version bumped, which makes every node drop
     * its copy after the commit (one that missed an invalidation included). Drift, which only a bug or an edit
     * outside Kontak makes, is not looked for here: each operation checks its one contact against the data
     * ({@code ContactBook}, {@link AccessGate}), and the background repair and "refresh now" compare everything.
     * Only the metadata row is locked, and no access row after it (the lock order of
     * {@link AccessList#holdUsersWith}). A missing row gets a full recompute.
     *
     * @return the versions before and after a cheap refresh; empty if the row was fresh or recomputed in full
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @ActsForCaller
    public Optional<Revalidation> refreshIfStale(UUID user, Duration maxAge) {
        if (!caller.id().value().equals(user)) {
            throw new IllegalStateException("A request refreshes its caller's metadata only, not user " + user + "'s");
        }
        Optional<UserMetadata> row = rows.lock(List.of(user)).stream().findFirst();
        if (row.isEmpty()) {
            refresh(user); // nothing is locked yet: access rows, then the new row
            return Optional.empty();
        }
        UserMetadata metadata = row.get();
        if (!metadata.isOlderThan(maxAge, clock.instant())) {
            return Optional.empty();
        }
        long before = metadata.cacheVersion();
        metadata.changed(clock.instant(), false, false);
        em.flush();
        metadataChanges.fire(new MetadataChanged(Map.of(user, metadata.cacheVersion())));
        cheapRefreshes.inc();
        return Optional.of(new Revalidation(before, metadata.cacheVersion()));
    }
}
