package dev.kontak.auth.boundary;

import dev.kontak.auth.control.Accounts;
import dev.kontak.auth.control.Passwords;
import dev.kontak.auth.control.Redact;
import dev.kontak.auth.entity.Account;
import dev.kontak.auth.entity.Role;
import dev.kontak.auth.events.AccountCreated;
import dev.kontak.kernel.rls.AcrossUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates accounts: people signing up, and the first administrator. Across users: the new account's rows are
 * written before anyone can act for it.
 */
@ApplicationScoped
public class Registration {

    private static final Logger LOG = Logger.getLogger(Registration.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    @Inject
    Event<AccountCreated> created;

    @Inject
    @ConfigProperty(name = "kontak.signup.enabled", defaultValue = "true")
    boolean open;

    /** Whether people may create their own accounts. */
    public boolean isOpen() {
        return open;
    }

    /**
     * A person signs up as a {@link Role#USER}.
     *
     * @throws SignUpClosed when sign-up is turned off
     */
    @Transactional
    @AcrossUsers
    public Account signUp(@Valid NewAccount form) {
        if (!open) {
            throw new SignUpClosed();
        }
        return register(form, Role.USER);
    }

    /**
     * @throws jakarta.validation.ConstraintViolationException when the form is invalid
     * @throws EmailAlreadyRegistered when the e-mail address is taken
     */
    @Transactional
    @AcrossUsers
    public Account register(@Valid NewAccount form, Role role) {
        if (accounts.findByEmail(form.email()).isPresent()) {
            throw new EmailAlreadyRegistered();
        }
        Account account = new Account(form.email(), form.displayName(), passwords.hash(form.password()), role,
                clock.instant());
        if (!accounts.store(account)) {
            throw new EmailAlreadyRegistered();
        }
        created.fire(new AccountCreated(account.id(), role));
        LOG.info(() -> "Account " + account.id() + " created for " + Redact.email(account.email()));
        return account;
    }
}
