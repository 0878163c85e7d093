package dev.kontak.metadata.control;

import dev.kontak.metadata.entity.CachedMetadata;
import dev.kontak.metadata.entity.ContactIdSet;
import dev.kontak.metadata.entity.MetadataValues;
import dev.kontak.metadata.entity.UserMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where user_metadata rows are kept. */
@ApplicationScoped
public class MetadataRows {

    /** Which version of a row, when it was last changed or refreshed, and how many contacts it lists. */
    public record RowVersion(long cacheVersion, Instant updatedAt, int contactCount) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessList access;

    @Inject
    Clock clock;

    public Optional<UserMetadata> find(UUID user) {
        return em.createNamedQuery("UserMetadata.ofUser", UserMetadata.class).setParameter("user", user)
                .getResultStream().findFirst();
    }

    /** A new user's row: no contacts, no teams yet. */
    public UserMetadata create(UUID user, List<String> permissions) {
        UserMetadata metadata = new UserMetadata(user, clock.instant());
        metadata.teams(List.of(), permissions);
        em.persist(metadata);
        em.flush();
        return metadata;
    }

    /**
     * Locks the rows of these users (SELECT ... FOR UPDATE) for the rest of the transaction, always in user-id
     * order, so that two changes touching the same users cannot deadlock and no update is lost.
     */
    public List<UserMetadata> lock(Collection<UUID> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("UserMetadata.ofUsers", UserMetadata.class)
                .setParameter("users", users)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("eclipselink.refresh", "true")
                .getResultList();
    }

    /** The user's row and access list as a node keeps them in memory: O(contacts). */
    public Optional<CachedMetadata> copy(UUID user) {
        return version(user).map(row -> new CachedMetadata(user, row.cacheVersion(), row.updatedAt(),
                ContactIdSet.of(access.contactsOf(user))));
    }

    /**
     * The row's cache_version and updated_at as committed now: a projection, read from the database even when
     * this transaction already manages an older instance of the row (which a query for the entity would return
     * unrefreshed).
     */
    public Optional<RowVersion> version(UUID user) {
        return em.createQuery("SELECT m.cacheVersion, m.updatedAt, m.contactCount FROM UserMetadata m"
                        + " WHERE m.userId = :user", Object[].class).setParameter("user", user).getResultStream()
                .findFirst()
                .map(row -> new RowVersion(((Number) row[0]).longValue(), (Instant) row[1], ((Number) row[2]).intValue()));
    }

    /** The rows' cache_versions as committed now, by user; users without a row are left out. */
    public Map<UUID, Long> versions(Collection<UUID> users) {
        Map<UUID, Long> versions = new HashMap<>();
        em.createQuery("SELECT m.userId, m.cacheVersion FROM UserMetadata m WHERE m.userId IN :users", Object[].class)
                .setParameter("users", users).getResultList()
                .forEach(row -> versions.put((UUID) row[0], ((Number) row[1]).longValue()));
        return versions;
    }

    /** What the row and the access list say now, in the shape a full recompute produces. */
    public Optional<MetadataValues> current(UUID user) {
        return find(user).map(m -> new MetadataValues(access.contactsOf(user), m.activityCount(), m.lastActivityAt(),
                m.teamIds(), m.permissions(), m.dataChecksum()));
    }
}
