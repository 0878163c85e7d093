package dev.kontak.auth.control;

import dev.kontak.auth.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/**
 * Checks an e-mail and password for every way of signing in (pages and HTTP Basic).
 * The caller principal is the account id, so that everything downstream is keyed by id, never by e-mail.
 */
@ApplicationScoped
public class PasswordSignIn implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    SignInThrottle throttle;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String email = credential.getCaller();
        if (email == null || email.isBlank() || throttle.isLocked(email)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Account> account = accounts.findByEmail(email);
        String password = credential.getPasswordAsString();
        if (!passwords.matches(password, account.map(Account::passwordHash).orElse(null))) {
            throttle.recordFailure(email);
            return CredentialValidationResult.INVALID_RESULT;
        }
        throttle.recordSuccess(email);
        Account signedIn = account.orElseThrow();
        return new CredentialValidationResult(new CallerPrincipal(signedIn.id().toString()), signedIn.role().groups());
    }
}
