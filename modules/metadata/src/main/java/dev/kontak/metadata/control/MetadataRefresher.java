package dev.kontak.metadata.control;

import dev.kontak.auth.control.AcrossUsers;
import dev.kontak.auth.control.ActsForUser;
import dev.kontak.contacts.entity.Checksums;
import dev.kontak.contacts.entity.Contact;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Recomputes a user's metadata from the data itself (the seed's refresh_user_metadata): O(their contacts and
 * activities), for repairs and staleness, never on the path of an ordinary change.
 */
@ApplicationScoped
@Transactional
public class MetadataRefresher {


    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataRows rows;

    @Inject
    AccessList access;

    @Inject
    TeamPermissions teams;

    @Inject
    Clock clock;

    @Inject
    Event<MetadataChanged> metadataChanges;

    @Inject
    @Metric(name = MetadataStatistics.REFRESH_TIME, absolute = true,
            description = "Recomputing a user's metadata from the data and writing it (failures included)")
    Timer refreshTime;

    @Inject
    @Metric(name = MetadataStatistics.REFRESHES, absolute = true,
            description = "Users' metadata recomputed from the data and written")
    Counter refreshes;

    @Inject
    @Metric(name = MetadataStatistics.REFRESH_FAILURES, absolute = true,
            description = "Recomputes of a user's metadata that failed")
    Counter refreshFailures;

    /** What the user's metadata must be, computed from contacts, activities and teams. Writes nothing. */
    public MetadataValues compute(UUID user) {
        TreeSet<UUID> contactIds = new TreeSet<>();
        long checksum = 0;
        for (Object[] contact : em.createQuery("SELECT c.id, c.version FROM Contact c WHERE " + Contact.ACCESSIBLE_BY_USER, Object[].class)
                .setParameter("user", user).getResultList()) {
            contactIds.add((UUID) contact[0]);
            checksum += Checksums.contactTerm((UUID) contact[0], ((Number) contact[1]).longValue());
        }
        int activities = 0;
        Instant latest = null;
        for (Object[] activity : em.createQuery("SELECT a.id, a.version, a.occurredAt FROM Activity a WHERE a.contactId IN "
                        + "(SELECT c.id FROM Contact c WHERE " + Contact.ACCESSIBLE_BY_USER + ")", Object[].class)
                .setParameter("user", user).getResultList()) {
            activities++;
            checksum += Checksums.activityTerm((UUID) activity[0], ((Number) activity[1]).longValue());
            Instant occurred = (Instant) activity[2];
            latest = latest == null || occurred.isAfter(latest) ? occurred : latest;
        }
        TeamPermissions.Grants grants = teams.of(user);
        return new MetadataValues(contactIds, activities, latest, grants.teamIds(), grants.permissions(),
                Checksums.format(checksum));
    }

    /**
     * Full recompute: the row and the access list become what the data says; the version grows. Written at once
     * (flush), so that the time measured includes the write and a write that fails counts as a failed refresh.
     * Maintenance work (repairs, "refresh all", an administrator's "refresh now"): it sees every user's rows under
     * row level security; a user's own stale refresh ({@link #refreshIfStale}) runs as that user.
     */
    @AcrossUsers
    public UserMetadata refresh(UUID user) {
        Timer.Context timing = refreshTime.time();
        try {
            UserMetadata metadata = lockOrCreate(user);
            MetadataValues values = compute(user);
            access.replace(user, values.contactIds());
            metadata.replaceWith(values);
            metadata.changed(clock.instant(), true, true);
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
     * stale together wait for the first one's lock and then find it fresh: one recompute, not one each.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @ActsForUser
    public void refreshIfStale(UUID user, Duration maxAge) {
        UserMetadata metadata = lockOrCreate(user);
        if (metadata.isOlderThan(maxAge, clock.instant())) {
            refresh(user);
        }
    }

    /**
     * Locks the user's access rows, then the metadata row (the lock order of {@link AccessList#holdUsersWith}).
     * Every account gets a row when it is created; one that is missing all the same is created here, empty.
     */
    private UserMetadata lockOrCreate(UUID user) {
        access.holdAllOf(user);
        return rows.lock(List.of(user)).stream().findFirst()
                .orElseGet(() -> rows.create(user, teams.of(user).permissions()));
    }
}
