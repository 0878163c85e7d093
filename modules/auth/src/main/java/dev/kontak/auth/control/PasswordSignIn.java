package dev.kontak.auth.control;

import dev.kontak.auth.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks an e-mail and password for every way of signing in (pages and HTTP Basic).
 * The caller principal is the account id, so that everything downstream is keyed by id, never by e-mail.
 */
@ApplicationScoped
public class PasswordSignIn implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(PasswordSignIn.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    SignInThrottle throttle;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String email = credential.getCaller();
        if (email == null || email.isBlank()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!Account.isStorableEmail(email)) {
            // no account can have it, and it cannot be counted; checking the decoy keeps the answer as slow as any
            passwords.matches(credential.getPasswordAsString(), null);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (throttle.isLocked(email)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Account> account = accounts.findByEmail(email);
        String password = credential.getPasswordAsString();
        if (!passwords.matches(password, account.map(Account::passwordHash).orElse(null))) {
            throttle.recordFailure(email);
            LOG.info(() -> "Sign-in failed for " + Redact.email(email));
            return CredentialValidationResult.INVALID_RESULT;
        }
        throttle.recordSuccess(email);
        Account signedIn = account.orElseThrow();
        return new CredentialValidationResult(new CallerPrincipal(signedIn.id().toString()), signedIn.role().groups());
    }
}
