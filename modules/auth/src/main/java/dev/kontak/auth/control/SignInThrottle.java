package dev.kontak.auth.control;

import dev.kontak.auth.entity.Account;
import dev.kontak.auth.entity.SignInAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Locks an e-mail address after too many failed sign-ins; see {@link SignInAttempts}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public boolean isLocked(String email) {
        SignInAttempts attempts = em.find(SignInAttempts.class, Account.normalizeEmail(email));
        return attempts != null && attempts.isLocked(clock.instant());
    }

    public void recordFailure(String email) {
        String key = Account.normalizeEmail(email);
        SignInAttempts attempts = em.find(SignInAttempts.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (attempts == null) {
            attempts = new SignInAttempts(key, clock.instant());
            em.persist(attempts);
        }
        attempts.recordFailure(clock.instant());
    }

    public void recordSuccess(String email) {
        SignInAttempts attempts = em.find(SignInAttempts.class, Account.normalizeEmail(email));
        if (attempts != null) {
            em.remove(attempts);
        }
    }
}
