package dev.kontak.metadata.control;

import dev.kontak.contacts.entity.Checksums;
import dev.kontak.metadata.entity.MetadataTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.SortedSet;
import java.util.UUID;

/**
 * What the data itself (contacts and team_members, never user_metadata or user_contact_access) says a user may
 * access, computed by the database in one statement each: the full recompute's source, O(accessible contacts) rows
 * read by index, no entity loaded.
 */
@ApplicationScoped
public class AccessibleData {

    @PersistenceContext
    EntityManager em;

    /**
     * SQL, on parameter {@code ?1} (the user): the ids of the contacts the user can access, owned or shared with a
     * team they belong to. {@link dev.kontak.contacts.entity.Contact#ACCESSIBLE_BY_USER} in SQL, written as two
     * index scans (by owner, by team) instead of one OR that PostgreSQL can only answer with a scan of every
     * contact.
     */
    public static final String CONTACT_IDS = rule("c.id", "contacts");

    /** Whether the data grants the user this contact: one indexed look-up. */
    public boolean grants(UUID user, UUID contact) {
        return !em.createNativeQuery("SELECT 1 FROM (" + CONTACT_IDS + ") x WHERE x.id = ?2")
                .setParameter(1, user).setParameter(2, contact).setMaxResults(1).getResultList().isEmpty();
    }

    /** The contacts the user can access, in id order. */
    public SortedSet<UUID> contactIds(UUID user) {
        return AccessList.uuids(em.createNativeQuery(CONTACT_IDS).setParameter(1, user).getResultList());
    }

    /**
     * Count, activities, latest activity and checksum of the accessible contacts, from the view
     * contact_checksum_terms: each contact's own term (the one SQL definition of {@link Checksums}' terms, per
     * database) and the activity aggregates its row keeps, so one term per contact, not one per activity too.
     * The sums come back as exact numbers; their low 64 bits are the sum modulo 2^64.
     */
    public MetadataTotals totals(UUID user) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(t.activity_count), 0), "
                        + "MAX(t.last_activity_at), COALESCE(SUM(t.term), 0) + COALESCE(SUM(t.activities_digest), 0) "
                        + "FROM (" + rule("c.activity_count, c.last_activity_at, c.activities_digest, c.term",
                        "contact_checksum_terms") + ") t")
                .setParameter(1, user).getSingleResult();
        return new MetadataTotals(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                AccessList.instant(row[2]), Checksums.format(lowBits(row[3])));
    }

    private static long lowBits(Object sum) {
        return (sum instanceof BigDecimal exact ? exact : new BigDecimal(sum.toString())).toBigInteger().longValue();
    }

    private static String rule(String columns, String contacts) {
        return "SELECT " + columns + " FROM " + contacts + " c WHERE c.owner_id = ?1 UNION ALL SELECT " + columns
                + " FROM " + contacts + " c JOIN team_members m ON m.team_id = c.team_id "
                + "WHERE m.user_id = ?1 AND c.owner_id <> ?1";
    }
}
