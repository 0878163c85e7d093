package dev.kontak.auth.control;

import dev.kontak.auth.control.TokenLookup.TokenOwner;
import dev.kontak.auth.entity.Account;
import dev.kontak.auth.entity.AppToken;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.ActingUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Checks app passwords for API clients: one SHA-256 and one indexed look-up instead of PBKDF2. Throttled like
 * password sign-in ({@link SignInThrottle}): with HTTP Basic, failures count against the e-mail address given, and
 * a locked address refuses its app passwords too. A Bearer token names no address: an unknown one counts against
 * the client's network address, which, once locked, is refused every Bearer token for the lock's duration (so
 * that a locked client costs no look-up); a known one is refused while its account's e-mail address is locked.
 * A successful use resets nothing: a sync client polling every minute must not wipe out the failures of someone
 * guessing the account password.
 */
@ApplicationScoped
public class AppPasswordSignIn implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AppPasswordSignIn.class.getName());

    @Inject
    TokenLookup tokens;

    @Inject
    SignInThrottle throttle;

    @Inject
    ActingUser acting;

    @Inject
    Clock clock;

    @Inject
    @Metric(name = "kontak.auth.app.password", absolute = true,
            description = "Checking an app password (Basic or Bearer), failures included: what it adds to a request")
    Timer checks;

    public CredentialValidationResult validate(AppPasswordCredential credential) {
        Timer.Context timing = checks.time();
        try {
            return credential.givenEmail()
                    .map(email -> withEmail(email, credential.token()))
                    .orElseGet(() -> bearer(credential.token(), credential.clientAddress()));
        } finally {
            timing.stop();
        }
    }

    private CredentialValidationResult withEmail(String email, String token) {
        if (!Account.isStorableEmail(email) || throttle.isLocked(email)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        String given = Account.normalizeEmail(email);
        Optional<TokenOwner> found = find(token).filter(owner -> owner.account().email().equals(given));
        if (found.isEmpty()) {
            throttle.recordFailure(email);
            LOG.info(() -> "Sign-in with an app password failed for " + Redact.email(email));
            return CredentialValidationResult.INVALID_RESULT;
        }
        return signedIn(found.get());
    }

    private CredentialValidationResult bearer(String token, String clientAddress) {
        if (throttle.isClientLocked(clientAddress)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<TokenOwner> found = find(token);
        if (found.isEmpty()) {
            throttle.recordClientFailure(clientAddress);
            LOG.info("Bearer sign-in with an unknown app password");
            return CredentialValidationResult.INVALID_RESULT;
        }
        return throttle.isLocked(found.get().account().email())
                ? CredentialValidationResult.INVALID_RESULT
                : signedIn(found.get());
    }

    private Optional<TokenOwner> find(String token) {
        return AppToken.parse(token).flatMap(tokens::find);
    }

    private CredentialValidationResult signedIn(TokenOwner owner) {
        if (owner.password().useIsWorthRecording(clock.instant())) {
            acting.as(UserId.of(owner.account().id()), () -> tokens.recordUse(owner.password().id()));
        }
        return new CredentialValidationResult(new CallerPrincipal(owner.account().id().toString()),
                owner.account().role().groups());
    }
}
