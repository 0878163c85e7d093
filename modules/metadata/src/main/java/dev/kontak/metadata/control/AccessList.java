package dev.kontak.metadata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * user_metadata.contact_ids, stored as one row per (user, contact) in user_contact_access so that granting or
 * revoking one contact is one indexed insert or delete, whatever the number of contacts.
 */
@ApplicationScoped
public class AccessList {

    @PersistenceContext
    EntityManager em;

    public boolean has(UUID user, UUID contact) {
        return !em.createNativeQuery("SELECT 1 FROM user_contact_access WHERE user_id = ?1 AND contact_id = ?2")
                .setParameter(1, user).setParameter(2, contact).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Whether the user can access the contact, locking that row until the transaction ends: a concurrent revoke
     * (unshare, removal from the team) waits for this transaction, or this one sees its result. A write checked
     * this way is never accepted on a contact the user could no longer access at commit.
     */
    public boolean hasAndHold(UUID user, UUID contact) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM user_contact_access WHERE user_id = ?1 AND contact_id = ?2 FOR UPDATE")
                .setParameter(1, user).setParameter(2, contact).getResultList().isEmpty();
    }

    public void grant(UUID user, UUID contact) {
        em.createNativeQuery("INSERT INTO user_contact_access (user_id, contact_id) VALUES (?1, ?2)")
                .setParameter(1, user).setParameter(2, contact).executeUpdate();
    }

    public void revoke(UUID user, UUID contact) {
        em.createNativeQuery("DELETE FROM user_contact_access WHERE user_id = ?1 AND contact_id = ?2")
                .setParameter(1, user).setParameter(2, contact).executeUpdate();
    }

    /** Everyone who can access the contact now. */
    public SortedSet<UUID> usersWith(UUID contact) {
        return uuids(em.createNativeQuery("SELECT user_id FROM user_contact_access WHERE contact_id = ?1")
                .setParameter(1, contact).getResultList());
    }

    public SortedSet<UUID> contactsOf(UUID user) {
        return uuids(em.createNativeQuery("SELECT contact_id FROM user_contact_access WHERE user_id = ?1")
                .setParameter(1, user).getResultList());
    }

    /** Replaces the whole list: only a full recompute does this. */
    public void replace(UUID user, Collection<UUID> contacts) {
        em.createNativeQuery("DELETE FROM user_contact_access WHERE user_id = ?1").setParameter(1, user)
                .executeUpdate();
        contacts.forEach(contact -> grant(user, contact));
    }

    /** The latest activity on any contact the user can access, or null. */
    public Instant latestActivityOf(UUID user) {
        List<?> latest = em.createNativeQuery("SELECT MAX(c.last_activity_at) FROM contacts c "
                        + "JOIN user_contact_access a ON a.contact_id = c.id WHERE a.user_id = ?1")
                .setParameter(1, user).getResultList();
        return latest.isEmpty() ? null : instant(latest.get(0));
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (column instanceof Timestamp time) {
            return time.toInstant();
        }
        return (Instant) column;
    }

    private static SortedSet<UUID> uuids(List<?> rows) {
        SortedSet<UUID> ids = new TreeSet<>();
        rows.forEach(row -> ids.add(row instanceof UUID id ? id : UUID.fromString(row.toString())));
        return ids;
    }
}
