package dev.kontak.auth.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL's row level security as transactions use it (policies in
 * {@code sql/postgresql/V20261127040000__row_level_security.sql}). A transaction acting for a user names that user
 * in {@code kontak.user_id}, local to the transaction, and then sees that user's rows only; work that spans users
 * switches to the role {@code kontak_maintenance} for its own duration and back.
 *
 * <p>Active only on PostgreSQL when Kontak connects as a role other than the tables' owner
 * ({@code kontak.db.owner-user}): the owner bypasses row level security anyway, and H2 has none. Inactive, every
 * method here is a no-op.
 */
@ApplicationScoped
public class RowLevelSecurity {

    private static final String ACTING_USER = RowLevelSecurity.class.getName() + ".user";
    private static final String ACROSS_USERS = RowLevelSecurity.class.getName() + ".acrossUsers";

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    @ConfigProperty(name = "kontak.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "kontak.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "kontak.db.owner-user")
    Optional<String> owner;

    public boolean active() {
        return url.startsWith("jdbc:postgresql:") && owner.isPresent() && !owner.get().equals(user);
    }

    /** The current transaction acts for this user until it ends. */
    public void actFor(UUID user) {
        if (!active() || !inTransaction() || user.equals(transaction.getResource(ACTING_USER))) {
            return;
        }
        em.createNativeQuery("SELECT set_config('kontak.user_id', ?1, true)").setParameter(1, user.toString())
                .getSingleResult();
        transaction.putResource(ACTING_USER, user);
    }

    /**
     * Runs the work on every user's rows, writes what it changed (the entity manager would otherwise write it at
     * commit, after the switch back) and returns to the acting user's rows. Nested calls run in the outer one's.
     * If the switch back fails, the transaction is rolled back rather than committed with every row visible.
     */
    public <T> T acrossUsers(Callable<T> work) throws Exception {
        if (!active() || Boolean.TRUE.equals(transaction.getResource(ACROSS_USERS))) {
            return work.call();
        }
        seeAllUsers();
        boolean done = false;
        try {
            T result = work.call();
            em.flush();
            done = true;
            return result;
        } finally {
            backToActingUser(done);
        }
    }

    /** The rest of the current transaction sees every user's rows: for reading across users only. */
    public void seeAllUsers() {
        if (!active()) {
            return;
        }
        if (!inTransaction()) {
            throw new IllegalStateException("Seeing every user's rows needs a transaction");
        }
        em.createNativeQuery("SET LOCAL ROLE kontak_maintenance").executeUpdate();
        transaction.putResource(ACROSS_USERS, Boolean.TRUE);
    }

    private void backToActingUser(boolean rethrow) {
        try {
            em.createNativeQuery("SET LOCAL ROLE NONE").executeUpdate();
            transaction.putResource(ACROSS_USERS, Boolean.FALSE);
        } catch (RuntimeException failed) {
            transaction.setRollbackOnly();
            if (rethrow) {
                throw failed;
            }
        }
    }

    private boolean inTransaction() {
        return transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
    }
}
