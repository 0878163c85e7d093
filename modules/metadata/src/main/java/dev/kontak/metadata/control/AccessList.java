package dev.kontak.metadata.control;

import dev.kontak.kernel.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * user_metadata.contact_ids, stored as one row per (user, contact) in user_contact_access so that granting or
 * revoking one contact is one indexed insert or delete, whatever the number of contacts.
 */
@ApplicationScoped
public class AccessList {

    /** SQL condition on an access row {@code a} of user {@code ?1}: the data does not grant it (an anti-join). */
    private static final String NOT_ACCESSIBLE = "NOT EXISTS (SELECT 1 FROM (" + AccessibleData.CONTACT_IDS
            + ") x WHERE x.id = a.contact_id)";

    /** Rows per statement: well under PostgreSQL's limit of parameters. */
    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    public boolean has(UserId user, UUID contact) {
        return !em.createNativeQuery("SELECT 1 FROM user_contact_access WHERE user_id = ?1 AND contact_id = ?2")
                .setParameter(1, user.value()).setParameter(2, contact).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Whether the user can access the contact, locking every access row of that contact until the transaction
     * ends: a concurrent revoke (unshare, removal from the team, a full recompute) waits for this transaction, or
     * this one sees its result. A write checked this way is never accepted on a contact the user could no longer
     * access at commit. Writers of one contact queue here, before any metadata row is locked (see
     * {@link #holdUsersWith}).
     */
    public boolean hasAndHold(UserId user, UUID contact) {
        return holdUsersWith(contact).contains(user.value());
    }

    /** One user's access to one contact: a row of user_contact_access. */
    public record Entry(UUID user, UUID contact) {
    }

    /** Inserts these rows, a few hundred per statement. */
    public void grantAll(List<Entry> entries) {
        inChunks(entries, chunk -> bind(em.createNativeQuery("INSERT INTO user_contact_access (user_id, contact_id) "
                + "VALUES " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)"))), chunk).executeUpdate());
    }

    /** Deletes these rows, a few hundred per statement. */
    public void revokeAll(List<Entry> entries) {
        inChunks(entries, chunk -> bind(em.createNativeQuery("DELETE FROM user_contact_access WHERE (user_id, contact_id)"
                + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")"), chunk).executeUpdate());
    }

    private static Query bind(Query query, List<Entry> entries) {
        int position = 1;
        for (Entry entry : entries) {
            query.setParameter(position++, entry.user()).setParameter(position++, entry.contact());
        }
        return query;
    }

    private static <T> void inChunks(List<T> all, Consumer<List<T>> write) {
        for (int from = 0; from < all.size(); from += CHUNK) {
            write.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    /**
     * Everyone who can access the contact now, locking those rows in user order until the transaction ends.
     *
     * <p>Lock order, which keeps concurrent changes free of deadlocks: access rows before metadata rows; the
     * access rows of one contact in user order (changes of a contact), or access rows of one user in contact
     * order (changes of a user's teams, the rows a full recompute deletes); a stale row's cheap refresh locks its
     * metadata row alone; metadata rows in user order ({@link MetadataRows#lock}).
     * Waits between the two kinds of access row orders cannot form a cycle: along any chain of waits, the users
     * and the contacts only grow.
     */
    public SortedSet<UUID> holdUsersWith(UUID contact) {
        return uuids(em.createNativeQuery(
                        "SELECT user_id FROM user_contact_access WHERE contact_id = ?1 ORDER BY user_id FOR UPDATE")
                .setParameter(1, contact).getResultList());
    }

    /**
     * Locks, in contact order, the user's access rows that the data no longer grants: the rows a full recompute
     * is going to delete. Taken before the metadata row (the lock order above); the rows that stay are not
     * written, so they need no lock, and the ones to insert do not exist yet. Changes of the user's data queue on
     * the metadata row, so nothing else turns into a row to delete in between, unless an edit outside Kontak does
     * it at that very moment (then PostgreSQL may report a deadlock and one transaction fails; none hangs).
     */
    public void holdNoLongerAccessible(UUID user) {
        em.createNativeQuery("SELECT a.contact_id FROM user_contact_access a WHERE a.user_id = ?1 AND "
                        + NOT_ACCESSIBLE + " ORDER BY a.contact_id FOR UPDATE")
                .setParameter(1, user).getResultList();
    }

    /**
     * As {@link #holdUsersWith(UUID)} for many contacts (a batch of changes): their access rows locked in
     * contact order, then user order, before any metadata row.
     */
    public Map<UUID, SortedSet<UUID>> holdUsersWith(Collection<UUID> contacts) {
        Map<UUID, SortedSet<UUID>> holders = new HashMap<>();
        inChunks(List.copyOf(new TreeSet<>(contacts)), chunk -> {
            Query query = em.createNativeQuery("SELECT contact_id, user_id FROM user_contact_access WHERE contact_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY contact_id, user_id FOR UPDATE");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                holders.computeIfAbsent(uuid(columns[0]), contact -> new TreeSet<>()).add(uuid(columns[1]));
            }
        });
        return holders;
    }

    /** Locks the user's access rows to the team's contacts, in contact order, before a change of membership. */
    public void holdTeamContactsOf(UUID user, UUID team) {
        em.createNativeQuery("SELECT contact_id FROM user_contact_access WHERE user_id = ?1 AND contact_id IN "
                        + "(SELECT id FROM contacts WHERE team_id = ?2) ORDER BY contact_id FOR UPDATE")
                .setParameter(1, user).setParameter(2, team).getResultList();
    }

    public SortedSet<UUID> contactsOf(UUID user) {
        return uuids(em.createNativeQuery("SELECT contact_id FROM user_contact_access WHERE user_id = ?1")
                .setParameter(1, user).getResultList());
    }

    /**
     * Makes the list what the data says, by difference: deletes the rows the data no longer grants and inserts the
     * missing ones, two statements whatever the number of contacts. Only a full recompute does this, after
     * {@link #holdNoLongerAccessible} and the metadata row's lock.
     *
     * @return how many rows it deleted and inserted
     */
    public int replaceWithAccessible(UUID user) {
        int deleted = em.createNativeQuery("DELETE FROM user_contact_access a WHERE a.user_id = ?1 AND " + NOT_ACCESSIBLE)
                .setParameter(1, user).executeUpdate();
        return deleted + em.createNativeQuery("INSERT INTO user_contact_access (user_id, contact_id) SELECT CAST(?1 AS UUID), x.id "
                        + "FROM (" + AccessibleData.CONTACT_IDS + ") x WHERE NOT EXISTS (SELECT 1 FROM "
                        + "user_contact_access a WHERE a.user_id = ?1 AND a.contact_id = x.id)")
                .setParameter(1, user).executeUpdate();
    }

    /** The latest activity on any contact the user can access, or null. */
    public Instant latestActivityOf(UUID user) {
        List<?> latest = em.createNativeQuery("SELECT MAX(c.last_activity_at) FROM contacts c "
                        + "JOIN user_contact_access a ON a.contact_id = c.id WHERE a.user_id = ?1")
                .setParameter(1, user).getResultList();
        return latest.isEmpty() ? null : instant(latest.get(0));
    }

    static Instant instant(Object column) {
        if (column instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (column instanceof Timestamp time) {
            return time.toInstant();
        }
        return (Instant) column;
    }

    static SortedSet<UUID> uuids(List<?> rows) {
        SortedSet<UUID> ids = new TreeSet<>();
        rows.forEach(row -> ids.add(uuid(row)));
        return ids;
    }

    static UUID uuid(Object column) {
        return column instanceof UUID id ? id : UUID.fromString(column.toString());
    }
}
