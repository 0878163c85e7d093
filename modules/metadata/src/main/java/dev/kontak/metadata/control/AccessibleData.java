package dev.kontak.metadata.control;

import dev.kontak.contacts.entity.Checksums;
import dev.kontak.kernel.UserId;
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
    public static final String CONTACT_IDS = rule("c.id");

    /** Whether the data grants the user this contact: one indexed look-up. */
    public boolean grants(UserId user, UUID contact) {
        return !em.createNativeQuery("SELECT 1 FROM (" + CONTACT_IDS + ") x WHERE x.id = ?2")
                .setParameter(1, user.value()).setParameter(2, contact).setMaxResults(1).getResultList().isEmpty();
    }

    /** The contacts the user can access, in id order. */
    public SortedSet<UUID> contactIds(UUID user) {
        return AccessList.uuids(em.createNativeQuery(CONTACT_IDS).setParameter(1, user).getResultList());
    }

    /**
     * What a full recompute needs to know, read in one statement (one snapshot): the totals, how many of the
     * user's access rows are missing and how many are too many, and the metadata row's cache_version then (-1
     * without a row), so that a recompute can tell whether anything changed before it locked the row.
     */
    public record Comparison(MetadataTotals totals, long missing, long extra, long version) {

        public boolean accessListMatches() {
            return missing == 0 && extra == 0;
        }
    }

    /**
     * Count, activities, latest activity and checksum of the accessible contacts: each contact's own term
     * (contacts.checksum_term, which the database computes from id and version with the one SQL definition of
     * {@link Checksums}' terms) and the activity aggregates its row keeps, so one row per contact and no hashing.
     * The sums come back as exact numbers; their low 64 bits are the sum modulo 2^64.
     */
    public MetadataTotals totals(UUID user) {
        return compare(user).totals();
    }

    /** {@link #totals}, joined to the user's access rows to count what is missing and what is too many. */
    public Comparison compare(UUID user) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(t.activity_count), 0), "
                        + "MAX(t.last_activity_at), COALESCE(SUM(t.term), 0) + COALESCE(SUM(t.activities_digest), 0), "
                        + "COALESCE(SUM(CASE WHEN a.contact_id IS NULL THEN 1 ELSE 0 END), 0), "
                        + "(SELECT COUNT(*) FROM user_contact_access b WHERE b.user_id = ?1), "
                        + "(SELECT m.cache_version FROM user_metadata m WHERE m.user_id = ?1) "
                        + "FROM (" + rule("c.id, c.activity_count, c.last_activity_at, c.activities_digest, "
                        + "c.checksum_term AS term") + ") t "
                        + "LEFT JOIN user_contact_access a ON a.user_id = ?1 AND a.contact_id = t.id")
                .setParameter(1, user).getSingleResult();
        long accessible = number(row[0]);
        long missing = number(row[4]);
        MetadataTotals totals = new MetadataTotals((int) accessible, (int) number(row[1]),
                AccessList.instant(row[2]), Checksums.format(lowBits(row[3])));
        return new Comparison(totals, missing, number(row[5]) - (accessible - missing),
                row[6] == null ? -1 : number(row[6]));
    }

    private static long number(Object column) {
        return ((Number) column).longValue();
    }

    private static long lowBits(Object sum) {
        return (sum instanceof BigDecimal exact ? exact : new BigDecimal(sum.toString())).toBigInteger().longValue();
    }

    private static String rule(String columns) {
        return "SELECT " + columns + " FROM contacts c WHERE c.owner_id = ?1 UNION ALL SELECT " + columns
                + " FROM contacts c JOIN team_members m ON m.team_id = c.team_id "
                + "WHERE m.user_id = ?1 AND c.owner_id <> ?1";
    }
}
