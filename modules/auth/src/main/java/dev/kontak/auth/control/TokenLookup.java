package dev.kontak.auth.control;

import dev.kontak.auth.entity.Account;
import dev.kontak.auth.entity.AppPassword;
import dev.kontak.auth.entity.AppToken;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.kernel.rls.ActsForCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the app password a request presents, on every request: no node keeps tokens in memory, so a revoked one
 * is refused at once on every node, and one look-up through the unique index on {@code token_sha256} is all it
 * costs.
 */
@ApplicationScoped
public class TokenLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The app password with this token and its account, in one query. Across users by nature: until the token is
     * found, nobody is known to act for.
     */
    @Transactional
    @AcrossUsers
    public Optional<TokenOwner> find(AppToken token) {
        return em.createNamedQuery("AppPassword.withAccountByToken", Object[].class)
                .setParameter("sha256", token.sha256()).getResultStream().findFirst()
                .map(row -> new TokenOwner((AppPassword) row[0], (Account) row[1]));
    }

    /** An app password found by its token, and whose it is. */
    public record TokenOwner(AppPassword password, Account account) {
    }

    /**
     * Writes "last used" in its own short transaction, acting for the password's owner (declared by
     * {@link AppPasswordSignIn}: nobody has signed in yet), and only if it is at least a minute old: the condition is
     * in the UPDATE, so nodes racing to record one minute's use write it once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @ActsForCaller
    public void recordUse(UUID appPassword) {
        Instant now = clock.instant();
        em.createNamedQuery("AppPassword.used").setParameter("id", appPassword).setParameter("now", now)
                .setParameter("before", now.minus(AppPassword.USE_RECORDED_EVERY)).executeUpdate();
    }
}
