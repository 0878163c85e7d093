package dev.kontak.metadata.control;

import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The change log of every user's address book (address_book_changes), for CardDAV's sync-collection: a row per change
 * of a contact in a user's book, at the user's cache_version after it, whether the contact left the book, and the
 * name a client knew it by. {@link MetadataUpdater} appends to it in the transaction of the change (inserts only);
 * a contact's latest row after a token is what changed since.
 */
@ApplicationScoped
public class AddressBookChanges {

    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataRows rows;

    /** A change of one contact in one user's book. */
    public record Change(UUID user, UUID contact, boolean gone) {
    }

    /** A row of the log: the contact, the name its client gave it (or null), and whether it left the book. */
    public record Logged(UUID contact, String resourceName, boolean gone) {
    }

    /** @param versions each user's cache_version once the changes are made */
    void record(List<Change> changes, Map<UUID, Long> versions, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        // a name matters only for a contact that leaves a book: the others are listed under their name of now
        Map<UUID, String> names = namesOf(changes.stream().filter(Change::gone).map(Change::contact).distinct().toList());
        Map<List<UUID>, Change> latest = new LinkedHashMap<>();
        changes.forEach(change -> latest.put(List.of(change.user(), change.contact()), change));
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement("INSERT INTO address_book_changes "
                + "(user_id, contact_id, resource_name, cache_version, gone, changed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Change change : latest.values()) {
                insert.setObject(1, change.user());
                insert.setObject(2, change.contact());
                insert.setString(3, names.get(change.contact()));
                insert.setLong(4, versions.get(change.user()));
                insert.setBoolean(5, change.gone());
                insert.setTimestamp(6, at);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException failed) {
            throw new PersistenceException(failed);
        }
    }

    /** What changed in the user's book after this cache_version: each contact's latest change. */
    @AcrossUsers
    public List<Logged> since(UUID user, long version) {
        Map<UUID, Logged> latest = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT contact_id, resource_name, gone FROM address_book_changes "
                        + "WHERE user_id = ?1 AND cache_version > ?2 ORDER BY cache_version")
                .setParameter(1, user).setParameter(2, version).getResultList()) {
            Object[] columns = (Object[]) row;
            UUID contact = AccessList.uuid(columns[0]);
            latest.remove(contact);
            latest.put(contact, new Logged(contact, (String) columns[1], Boolean.TRUE.equals(columns[2])));
        }
        return List.copyOf(latest.values());
    }

    /** The users with rows older than this, and the latest version of each user's rows that old. */
    @Transactional
    @AcrossUsers
    public Map<UUID, Long> olderThan(Instant before) {
        Map<UUID, Long> users = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT user_id, MAX(cache_version) FROM address_book_changes "
                + "WHERE changed_at < ?1 GROUP BY user_id").setParameter(1, Timestamp.from(before)).getResultList()) {
            Object[] columns = (Object[]) row;
            users.put(AccessList.uuid(columns[0]), ((Number) columns[1]).longValue());
        }
        return users;
    }

    /**
     * Deletes the user's rows up to this version, under their metadata row's lock, and moves changes_since past them:
     * a token from before can no longer be answered. A transaction of its own per user.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @AcrossUsers
    public void prune(UUID user, long upTo) {
        rows.lock(List.of(user)).forEach(metadata -> metadata.changesKnownFrom(upTo));
        em.createNativeQuery("DELETE FROM address_book_changes WHERE user_id = ?1 AND cache_version <= ?2")
                .setParameter(1, user).setParameter(2, upTo).executeUpdate();
    }

    /** The oldest cache_version of the user's from which {@link #since} is complete. */
    @AcrossUsers
    public long knownSince(UUID user) {
        List<?> found = em.createNativeQuery("SELECT changes_since FROM user_metadata WHERE user_id = ?1")
                .setParameter(1, user).getResultList();
        return found.isEmpty() ? Long.MAX_VALUE : ((Number) found.get(0)).longValue();
    }

    /** The names clients gave these contacts, where they gave one: for the rows of those that leave a book. */
    private Map<UUID, String> namesOf(List<UUID> contacts) {
        Map<UUID, String> names = new HashMap<>();
        for (int from = 0; from < contacts.size(); from += CHUNK) {
            List<UUID> chunk = contacts.subList(from, Math.min(contacts.size(), from + CHUNK));
            Query query = em.createNativeQuery("SELECT id, dav_name FROM contacts WHERE dav_name IS NOT NULL AND id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                names.put(AccessList.uuid(columns[0]), (String) columns[1]);
            }
        }
        return names;
    }
}
