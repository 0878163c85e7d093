package dev.kontak.auth.boundary;

import dev.kontak.auth.entity.AppPassword;
import dev.kontak.auth.entity.AppToken;
import dev.kontak.kernel.columns.StorableText;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The caller's app passwords: created with a name, listed (never with their tokens), revoked. Every query names
 * the caller as well as row level security does, so nobody sees or revokes another's.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
public class AppPasswords {

    private static final Logger LOG = Logger.getLogger(AppPasswords.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ActingUser caller;

    @Inject
    Clock clock;

    public IssuedAppPassword create(@NotBlank(message = "Enter a name, such as the device or program that will use it.")
            @Size(max = AppPassword.MAX_NAME_LENGTH, message = "Use at most 100 characters.")
            @StorableText
            String name) {
        UUID account = caller.id().value();
        AppToken token = AppToken.generate();
        AppPassword password = new AppPassword(account, name, token, clock.instant());
        em.persist(password);
        LOG.info(() -> "App password " + password.id() + " created for account " + account);
        return new IssuedAppPassword(password, token);
    }

    /** Oldest first. */
    public List<AppPassword> of() {
        return em.createNamedQuery("AppPassword.ofAccount", AppPassword.class).setParameter("account", caller.id().value())
                .getResultList();
    }

    /** @return false if the account has no app password with this id (someone else's included): nothing changed */
    public boolean revoke(@NotNull UUID appPassword) {
        UUID account = caller.id().value();
        boolean revoked = em.createNamedQuery("AppPassword.revoke").setParameter("id", appPassword)
                .setParameter("account", account).executeUpdate() == 1;
        if (revoked) {
            LOG.info(() -> "App password " + appPassword + " of account " + account + " revoked");
        }
        return revoked;
    }
}
