package dev.kontak.admin.boundary;

import dev.kontak.admin.control.LastChecks;
import dev.kontak.admin.entity.CheckOutcome;
import dev.kontak.admin.entity.LastCheck;
import dev.kontak.auth.entity.Account;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.metadata.boundary.Metadata;
import dev.kontak.metadata.boundary.MetadataView;
import dev.kontak.metadata.control.AccessList;
import dev.kontak.metadata.control.MetadataRefresher;
import dev.kontak.metadata.control.MetadataRows;
import dev.kontak.metadata.entity.UserMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every user's metadata, for administrators: a table searchable by e-mail, one user's details, and a full refresh
 * of one user. The table is one query joining users, user_metadata and metadata_checks, whatever the page size.
 */
@ApplicationScoped
@Transactional
public class MetadataDirectory {

    public static final int PAGE_SIZE = 50;

    private static final String FROM = " FROM Account a LEFT JOIN UserMetadata m ON m.userId = a.id"
            + " LEFT JOIN LastCheck c ON c.userId = a.id WHERE a.email LIKE :email" + EmailSearch.ESCAPE;

    @PersistenceContext
    EntityManager em;

    @Inject
    MetadataRows rows;

    @Inject
    AccessList access;

    @Inject
    LastChecks checks;

    @Inject
    MetadataRefresher refresher;

    @Inject
    AccessAudit audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.metadata.max-age", defaultValue = "PT2M")
    Duration maxAge;

    /** Users whose e-mail address contains {@code emailPart} (any case), by e-mail address. */
    @AcrossUsers
    public Paged<UserMetadataLine> users(String emailPart, int page) {
        String pattern = EmailSearch.pattern(emailPart);
        long total = em.createQuery("SELECT COUNT(a)" + FROM, Long.class).setParameter("email", pattern)
                .getSingleResult();
        Instant now = clock.instant();
        List<UserMetadataLine> lines = em.createQuery("SELECT a.id, a.email, m.updatedAt, m.cacheVersion, m.contactCount,"
                        + " m.activityCount, c.outcome, c.checkedAt, c.refreshedAt" + FROM + " ORDER BY a.email, a.id",
                        Object[].class)
                .setParameter("email", pattern)
                .setFirstResult(Paged.offset(page, PAGE_SIZE)).setMaxResults(PAGE_SIZE)
                .getResultStream().map(row -> line(row, now)).toList();
        return new Paged<>(lines, total, page, PAGE_SIZE);
    }

    @AcrossUsers
    public Optional<UserMetadataDetails> details(UUID user) {
        Account account = em.find(Account.class, user);
        if (account == null) {
            return Optional.empty();
        }
        Optional<UserMetadata> row = rows.find(user);
        Long age = row.map(m -> ageSeconds(m.updatedAt(), clock.instant())).orElse(null);
        return Optional.of(new UserMetadataDetails(user, account.email(), account.displayName(), account.role().name(),
                row.map(m -> MetadataView.of(m, access.contactsOf(user))).orElse(null), age,
                row.map(m -> m.isOlderThan(maxAge, clock.instant())).orElse(false),
                checks.find(user).orElse(null), audit.latestOf(user, 20)));
    }

    /**
     * Recomputes the user's metadata from the data now (creating a missing row), as {@link Metadata#refresh} does
     * for a user's own.
     *
     * @return the new row, or empty where there is no such user
     */
    @AcrossUsers
    public Optional<MetadataView> refreshNow(UUID user) {
        if (em.find(Account.class, user) == null) {
            return Optional.empty();
        }
        MetadataView refreshed = MetadataView.of(refresher.refresh(user), access.contactsOf(user));
        checks.refreshed(user);
        return Optional.of(refreshed);
    }

    private static UserMetadataLine line(Object[] row, Instant now) {
        Instant updatedAt = (Instant) row[2];
        return new UserMetadataLine((UUID) row[0], (String) row[1], updatedAt,
                updatedAt == null ? null : ageSeconds(updatedAt, now), number(row[3]), (Integer) row[4],
                (Integer) row[5], (CheckOutcome) row[6], (Instant) row[7], (Instant) row[8]);
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static long ageSeconds(Instant updatedAt, Instant now) {
        return Math.max(0, Duration.between(updatedAt, now).toSeconds());
    }
}
