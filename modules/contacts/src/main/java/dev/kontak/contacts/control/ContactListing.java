package dev.kontak.contacts.control;

import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.TeamMember;
import dev.kontak.kernel.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SQL of contact lists, driven by indexes (docs/paging-and-search.md). A user's contacts are those they own
 * plus, per team of theirs, those shared with it by someone else; each part is read by its own range scan from
 * the cursor on, in the list's order, at most a page long, and the parts are merged and cut to a page. So a page
 * costs O(page size x (teams + 1)), whatever the number of contacts in the database or in the user's list, and
 * reads nothing the user may not access. One statement per relevance tier ({@link Segment}); the SQL is the same
 * on PostgreSQL and H2 (on PostgreSQL, trigram indexes narrow the substring tier).
 */
@ApplicationScoped
public class ContactListing {

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    private volatile Boolean postgresql;

    /** Where to start reading one segment: the sort key value and id of the contact before it (or after, backwards). */
    public record Position(Object key, UUID id) {

        public static Position of(String key, UUID id, boolean byCreation) {
            return new Position(byCreation ? Instant.parse(key).atOffset(ZoneOffset.UTC) : key, id);
        }
    }

    /**
     * One part of a list read in one order: a condition on contacts (with its parameters) and the column it is
     * sorted by, then id.
     *
     * @param ascending the list's own direction; reading backwards reverses it
     */
    public record Segment(String condition, List<Object> parameters, String sortColumn, boolean ascending) {

        static final String FUNCTION = "kontak_contacts_matching";
        static final String FILED_UNDER = " AND EXISTS (SELECT 1 FROM contact_labels l WHERE l.contact_id = c.id "
                + "AND l.label = ?)";

        public static Segment everything(boolean byCreation) {
            return byCreation ? new Segment("", List.of(), "created_at", false) : new Segment("", List.of(), "sort_name", true);
        }

        /** This part of the list, of the contacts filed under the label only. */
        public Segment filedUnder(String label) {
            if (condition.equals(FUNCTION)) {
                throw new IllegalStateException("The search function takes no label: use the plain substring tier");
            }
            List<Object> withLabel = new ArrayList<>(parameters);
            withLabel.add(label);
            return new Segment(condition + FILED_UNDER, withLabel, sortColumn, ascending);
        }

        /** Relevance tiers of a search: 0 the exact name, 1 names starting with it, 2 any other match. */
        public static List<Segment> tiersOf(SearchTerm term, boolean functions) {
            List<Segment> tiers = new ArrayList<>();
            tiers.add(new Segment(" AND c.sort_name = ?", List.of(term.text()), "sort_name", true));
            Segment prefix = prefixed(term);
            List<Object> parameters = new ArrayList<>(prefix.parameters());
            parameters.add(term.text());
            tiers.add(new Segment(prefix.condition() + " AND c.sort_name <> ?", parameters, "sort_name", true));
            if (!term.isShort()) {
                tiers.add(functions ? substringsByFunction(term) : substrings(term, true));
            }
            return tiers;
        }

        /** Names starting with the term: a range of the name index (leakproof comparisons), LIKE only to filter. */
        static Segment prefixed(SearchTerm term) {
            List<Object> parameters = new ArrayList<>(List.of(term.text()));
            String condition = " AND c.sort_name >= ?";
            if (term.prefixUpperBound().isPresent()) {
                condition += " AND c.sort_name < ?";
                parameters.add(term.prefixUpperBound().get());
            }
            parameters.add(term.prefixPattern());
            return new Segment(condition + " AND c.sort_name LIKE ? ESCAPE '\\'", parameters, "sort_name", true);
        }

        /**
         * The substring tier on H2: search_text (all searched columns in one) narrows, each column is then checked
         * on its own, so that a match never spans two of them (every e-mail and phone of the card: emails_text,
         * phones_digits; the first ones for a row written without them).
         */
        static Segment substrings(SearchTerm term, boolean butNotPrefixes) {
            List<Object> parameters = new ArrayList<>(List.of(term.substringPattern()));
            StringBuilder narrow = new StringBuilder(" AND (c.search_text LIKE ? ESCAPE '\\'");
            StringBuilder check = new StringBuilder(") AND (c.sort_name LIKE ? ESCAPE '\\' OR COALESCE(c.emails_text, "
                    + "LOWER(c.email)) LIKE ? ESCAPE '\\' OR LOWER(c.company) LIKE ? ESCAPE '\\'");
            if (term.hasDigits()) {
                narrow.append(" OR c.search_text LIKE ?");
                parameters.add(term.digitsPattern());
            }
            parameters.addAll(List.of(term.substringPattern(), term.substringPattern(), term.substringPattern()));
            if (term.hasDigits()) {
                check.append(" OR COALESCE(c.phones_digits, c.phone_digits) LIKE ?");
                parameters.add(term.digitsPattern());
            }
            narrow.append(check).append(')');
            if (butNotPrefixes) {
                narrow.append(" AND c.sort_name NOT LIKE ? ESCAPE '\\'");
                parameters.add(term.prefixPattern());
            }
            return new Segment(narrow.toString(), parameters, "sort_name", true);
        }

        /** The substring tier on PostgreSQL: kontak_contacts_matching (see its migration for why a function). */
        static Segment substringsByFunction(SearchTerm term) {
            return new Segment(FUNCTION, List.of(term.substringPattern(), term.hasDigits() ? term.digitsPattern() : "",
                    term.prefixPattern()), "sort_name", true);
        }
    }

    /** The scopes of a user's list: what they own, and what others shared with each of their teams. */
    public List<Scope> scopesOf(UserId user) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope("c.owner_id = ?", List.of(user.value())));
        for (TeamMember membership : memberships.of(user)) {
            scopes.add(new Scope("c.team_id = ? AND c.owner_id <> ?", List.of(membership.teamId(), user.value())));
        }
        return scopes;
    }

    /** A part of a user's list with its own index: one branch of the UNION ALL. */
    public record Scope(String condition, List<Object> parameters) {
    }

    /**
     * Up to {@code limit} contacts of the segment, in its order (reversed when {@code backwards}), strictly after
     * {@code from} (null: from the start).
     */
    @SuppressWarnings("unchecked")
    public List<Contact> read(List<Scope> scopes, Segment segment, Position from, boolean backwards, int limit) {
        boolean ascending = segment.ascending() != backwards;
        String order = " ORDER BY " + segment.sortColumn() + (ascending ? "" : " DESC") + ", id" + (ascending ? "" : " DESC");
        if (segment.condition().equals(Segment.FUNCTION)) {
            List<Object> parameters = new ArrayList<>(segment.parameters());
            parameters.addAll(List.of(from == null ? "" : from.key(), from == null ? "" : from.id().toString(), backwards, limit));
            return bind(em.createNativeQuery("SELECT c.* FROM contacts c JOIN kontak_contacts_matching(?, ?, ?, ?, ?, ?, ?) m"
                    + " ON m.contact_id = c.id" + order,
                    Contact.class), parameters).getResultList();
        }
        String after = from == null ? ""
                : " AND (c." + segment.sortColumn() + ", c.id) " + (ascending ? ">" : "<") + " (?, ?)";
        List<Object> parameters = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (Scope scope : scopes) {
            branches.add("SELECT * FROM (SELECT c.* FROM contacts c WHERE " + scope.condition() + segment.condition()
                    + after + order + " LIMIT " + limit + ") b" + branches.size());
            parameters.addAll(scope.parameters());
            parameters.addAll(segment.parameters());
            if (from != null) {
                parameters.add(from.key());
                parameters.add(from.id());
            }
        }
        String sql = "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") page" + order + " LIMIT " + limit;
        return bind(em.createNativeQuery(sql, Contact.class), parameters).getResultList();
    }

    /** How many contacts of the user's list the term finds, counting at most {@code limit}. */
    public long count(UserId user, SearchTerm term, int limit) {
        return count(user, term, null, limit);
    }

    /**
     * How many contacts of the user's list are filed under the label and the term finds (every one of them for a
     * null term), counting at most {@code limit}.
     */
    public long count(UserId user, SearchTerm term, String label, int limit) {
        if (term != null && !term.isShort() && hasFunctions() && label == null) {
            return ((Number) bind(em.createNativeQuery("SELECT kontak_count_matching(?, ?, ?)"), List.of(
                    term.substringPattern(), term.hasDigits() ? term.digitsPattern() : "", limit)).getSingleResult()).longValue();
        }
        Segment found = term == null ? Segment.everything(false)
                : term.isShort() ? Segment.prefixed(term) : Segment.substrings(term, false);
        Segment segment = label == null ? found : found.filedUnder(label);
        List<Object> parameters = new ArrayList<>();
        String branches = scopesOf(user).stream().map(scope -> {
            parameters.addAll(scope.parameters());
            parameters.addAll(segment.parameters());
            return "SELECT * FROM (SELECT c.id FROM contacts c WHERE " + scope.condition() + segment.condition()
                    + " LIMIT " + limit + ") b" + parameters.size();
        }).collect(Collectors.joining(" UNION ALL "));
        String sql = "SELECT COUNT(*) FROM (SELECT id FROM (" + branches + ") found LIMIT " + limit + ") counted";
        return ((Number) bind(em.createNativeQuery(sql), parameters).getSingleResult()).longValue();
    }

    /** PostgreSQL has the search functions of sql/postgresql; H2 searches with plain LIKE. */
    public boolean hasFunctions() {
        Boolean known = postgresql;
        if (known == null) {
            try {
                known = em.unwrap(Connection.class).getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
            postgresql = known;
        }
        return known;
    }

    private static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
