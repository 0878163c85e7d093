package dev.kontak.metadata.control;

import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The change log of every user's address book (address_book_changes), for CardDAV's sync-collection: each user's
 * latest change of each contact, at the user's cache_version after it, and whether the contact left the book, with
 * the name a client knew it by. {@link MetadataUpdater} writes it in the transaction of the change; a row is
 * replaced by the next change of the same contact, so the log holds at most one row per contact a user ever saw.
 */
@ApplicationScoped
public class AddressBookChanges {

    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

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
        Map<UUID, String> names = namesOf(changes.stream().map(Change::contact).distinct().toList());
        Map<List<UUID>, Change> latest = new LinkedHashMap<>();
        changes.forEach(change -> latest.put(List.of(change.user(), change.contact()), change));
        List<Change> rows = List.copyOf(latest.values());
        Timestamp at = Timestamp.from(now);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Change> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Query delete = em.createNativeQuery("DELETE FROM address_book_changes WHERE (user_id, contact_id) IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")");
            Query insert = em.createNativeQuery("INSERT INTO address_book_changes (user_id, contact_id, "
                    + "resource_name, cache_version, gone, changed_at) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)")));
            int d = 1;
            int i = 1;
            for (Change change : chunk) {
                delete.setParameter(d++, change.user()).setParameter(d++, change.contact());
                insert.setParameter(i++, change.user()).setParameter(i++, change.contact())
                        .setParameter(i++, names.getOrDefault(change.contact(), ""))
                        .setParameter(i++, versions.get(change.user())).setParameter(i++, change.gone())
                        .setParameter(i++, at);
            }
            delete.executeUpdate();
            insert.executeUpdate();
        }
    }

    /** What changed in the user's book after this cache_version. */
    @AcrossUsers
    public List<Logged> since(UUID user, long version) {
        List<Logged> changes = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT contact_id, resource_name, gone FROM address_book_changes "
                        + "WHERE user_id = ?1 AND cache_version > ?2").setParameter(1, user).setParameter(2, version)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            String name = (String) columns[1];
            changes.add(new Logged(AccessList.uuid(columns[0]), name == null || name.isEmpty() ? null : name,
                    Boolean.TRUE.equals(columns[2])));
        }
        return changes;
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
