package dev.kontak.kernel.rls;

import dev.kontak.kernel.UserId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
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
    ActingUser actingUser;

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

    /**
     * The current transaction acts for the {@link ActingUser} until it ends. Called by
     * {@link ActsForCallerInterceptor}, and by background work that begins its transactions by hand.
     *
     * @throws IllegalStateException if it acts for another user already: one transaction, one user
     */
    public void actForCaller() {
        if (!inTransaction()) {
            return;
        }
        UserId user = actingUser.id();
        Object acting = transaction.getResource(ACTING_USER);
        if (user.equals(acting)) {
            return;
        }
        if (acting != null) {
            throw new IllegalStateException("This transaction acts for user " + acting + "; it cannot act for "
                    + user + " as well");
        }
        transaction.putResource(ACTING_USER, user);
        if (!active()) {
            return;
        }
        em.createNativeQuery("SELECT set_config('kontak.user_id', ?1, true)").setParameter(1, user.toString())
                .getSingleResult();
    }

    /**
     * Runs the work on every user's rows and returns to the acting user's rows. What the transaction changed before
     * is written first (under the acting user's policies; in nested calls too, so that the work's SQL sees it), and
     * what the work changed is written before the switch back (the entity manager would otherwise write both at
     * commit, under the wrong role), so callers need no flush of their own. Nested calls run in the outer one's. If
     * the switch back fails, the transaction is rolled back rather than committed with every row visible. Only
     * {@link AcrossUsersInterceptor} calls it: code declares {@link AcrossUsers}.
     */
    <T> T acrossUsers(Callable<T> work) throws Exception {
        if (inTransaction()) {
            em.flush();
        }
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

    private void seeAllUsers() {
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
