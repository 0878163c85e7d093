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
import java.util.logging.Logger;

/** Locks an e-mail address after too many failed sign-ins; see {@link SignInAttempts}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** An address no table can hold ({@link Account#isStorableEmail}) is never counted, as no account can have it. */
    public boolean isLocked(String email) {
        if (!Account.isStorableEmail(email)) {
            return false;
        }
        SignInAttempts attempts = em.find(SignInAttempts.class, Account.normalizeEmail(email));
        return attempts != null && attempts.isLocked(clock.instant());
    }

    public void recordFailure(String email) {
        if (!Account.isStorableEmail(email)) {
            return;
        }
        String key = Account.normalizeEmail(email);
        SignInAttempts attempts = em.find(SignInAttempts.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (attempts == null) {
            attempts = new SignInAttempts(key, clock.instant());
            em.persist(attempts);
        }
        attempts.recordFailure(clock.instant());
        if (attempts.isLocked(clock.instant())) {
            LOG.warning(() -> "Sign-in locked for " + Redact.email(key) + " after " + SignInAttempts.MAX_FAILURES
                    + " failures");
        }
    }

    public void recordSuccess(String email) {
        if (!Account.isStorableEmail(email)) {
            return;
        }
        SignInAttempts attempts = em.find(SignInAttempts.class, Account.normalizeEmail(email));
        if (attempts != null) {
            em.remove(attempts);
        }
    }
}
