package dev.kontak.auth.control;

import dev.kontak.auth.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Where accounts are kept. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext
    EntityManager em;

    public Optional<Account> find(UUID id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public Optional<Account> findByEmail(String email) {
        if (!Account.isStorableEmail(email)) {
            return Optional.empty();
        }
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", Account.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    /** Stores a new account and writes it at once, so that rows referring to it can follow in the same transaction. */
    public void store(Account account) {
        em.persist(account);
        em.flush();
    }
}
