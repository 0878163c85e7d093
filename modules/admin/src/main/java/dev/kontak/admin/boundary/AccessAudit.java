package dev.kontak.admin.boundary;

import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit of refused operations on contacts (access_refusals), for administrators: newest first. */
@ApplicationScoped
@Transactional
public class AccessAudit {

    /** Which refusals to list; any part may be absent (null or empty e-mail, null times). */
    public record Filter(String email, Instant from, Instant to) {
    }

    public static final int PAGE_SIZE = 50;

    private static final String FROM = " FROM AccessRefusal r LEFT JOIN Account a ON a.id = r.userId";

    @PersistenceContext
    EntityManager em;

    @AcrossUsers
    public Paged<Refusal> refusals(Filter filter, int page) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        Query count = em.createQuery("SELECT COUNT(r)" + FROM + where);
        Query select = em.createQuery("SELECT r.userId, a.email, r.contactId, r.operation, r.reason, r.refusedAt"
                + FROM + where + " ORDER BY r.refusedAt DESC, r.id");
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<?> rows = select.setFirstResult(Paged.offset(page, PAGE_SIZE)).setMaxResults(PAGE_SIZE).getResultList();
        return new Paged<>(rows.stream().map(row -> refusal((Object[]) row)).toList(), total, page, PAGE_SIZE);
    }

    /** The user's latest refusals, newest first. */
    @AcrossUsers
    public List<Refusal> latestOf(UUID user, int limit) {
        List<?> rows = em.createQuery("SELECT r.userId, a.email, r.contactId, r.operation, r.reason, r.refusedAt"
                        + FROM + " WHERE r.userId = :user ORDER BY r.refusedAt DESC, r.id")
                .setParameter("user", user).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> refusal((Object[]) row)).toList();
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.email() != null && !filter.email().isBlank()) {
            conditions.add("a.email LIKE :email" + EmailSearch.ESCAPE);
            parameters.put("email", EmailSearch.pattern(filter.email()));
        }
        if (filter.from() != null) {
            conditions.add("r.refusedAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("r.refusedAt < :to");
            parameters.put("to", filter.to());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Refusal refusal(Object[] row) {
        return new Refusal((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3], (String) row[4],
                (Instant) row[5]);
    }
}
