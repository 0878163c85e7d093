package dev.kontak.auth.control;

import dev.kontak.auth.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Where accounts are kept. */
@ApplicationScoped
public class Accounts {

    private static final String UNIQUE_VIOLATION = "23505";

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

    /**
     * Stores a new account and writes it at once, so that rows referring to it can follow in the same transaction.
     *
     * @return false if another transaction took the e-mail address since it was looked up (the unique constraint
     *         refused the row); the transaction can then only roll back
     */
    public boolean store(Account account) {
        try {
            em.persist(account);
            em.flush();
            return true;
        } catch (PersistenceException refused) {
            if (isUniqueViolation(refused)) {
                return false;
            }
            throw refused;
        }
    }

    /** SQLSTATE 23505 on PostgreSQL and H2 alike. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
