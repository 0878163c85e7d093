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
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Locks an e-mail address after too many failed sign-ins, and a client's network address after too many unknown
 * Bearer tokens; see {@link SignInAttempts}.
 */
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
        return Account.isStorableEmail(email) && isKeyLocked(Account.normalizeEmail(email));
    }

    public boolean isClientLocked(String address) {
        return isKeyLocked(SignInAttempts.clientKey(address));
    }

    public void recordFailure(String email) {
        if (!Account.isStorableEmail(email)) {
            return;
        }
        String key = Account.normalizeEmail(email);
        recordFailure(key, () -> new SignInAttempts(key, clock.instant()), "Sign-in locked for " + Redact.email(key));
    }

    public void recordClientFailure(String address) {
        recordFailure(SignInAttempts.clientKey(address), () -> SignInAttempts.ofClient(address, clock.instant()),
                "Bearer sign-in locked for client " + address);
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

    private boolean isKeyLocked(String key) {
        SignInAttempts attempts = em.find(SignInAttempts.class, key);
        return attempts != null && attempts.isLocked(clock.instant());
    }

    private void recordFailure(String key, Supplier<SignInAttempts> first, String lockMessage) {
        SignInAttempts attempts = em.find(SignInAttempts.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (attempts == null) {
            attempts = first.get();
            em.persist(attempts);
        }
        attempts.recordFailure(clock.instant());
        if (attempts.isLocked(clock.instant())) {
            LOG.warning(() -> lockMessage + " after " + SignInAttempts.MAX_FAILURES + " failures");
        }
    }
}
