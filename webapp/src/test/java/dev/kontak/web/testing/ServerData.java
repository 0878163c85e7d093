package dev.kontak.web.testing;

import dev.kontak.auth.boundary.NewAccount;
import dev.kontak.auth.boundary.Registration;
import dev.kontak.auth.entity.Role;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.rls.AcrossUsers;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.RowLevelSecurity;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For tests that run inside the server: new users through the application, and plain SQL beside it (to look at
 * rows, or to corrupt them as a buggy script would), as the tables' owner: past row level security. Add it to the
 * deployment with {@link KontakDeployment#withTests}.
 */
@ApplicationScoped
public class ServerData {

    public static final String PASSWORD = "a long enough password";

    @Inject
    Registration registration;

    @Resource(lookup = "java:app/jdbc/kontak")
    DataSource dataSource;

    @Resource
    UserTransaction transaction;

    @Inject
    RowLevelSecurity rows;

    @Inject
    ActingUser acting;

    @Inject
    AcrossUsersReads acrossUsers;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "kontak.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "kontak.db.owner-user")
    Optional<String> owner;

    @Inject
    @ConfigProperty(name = "kontak.db.owner-password")
    Optional<String> ownerPassword;

    public UUID newUser(String who) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@kontak.test";
        return registration.register(new NewAccount(email, PASSWORD, who), Role.USER).id();
    }

    public String emailOf(UUID user) {
        return (String) value("SELECT email FROM users WHERE id = ?", user);
    }

    /** Reads in a transaction of its own, as the application's boundaries do, seeing every user's rows. */
    public <T> T read(Supplier<T> query) {
        return acrossUsers.read(query);
    }

    /** The declared way past row level security, as maintenance work takes it. */
    @ApplicationScoped
    public static class AcrossUsersReads {

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        @AcrossUsers
        public <T> T read(Supplier<T> query) {
            return query.get();
        }
    }

    /** Runs the work as the user's own requests would: every boundary it calls acts for that user. */
    public <T> T as(UUID user, Supplier<T> work) {
        return acting.as(UserId.of(user), work);
    }

    public void as(UUID user, Runnable work) {
        acting.as(UserId.of(user), work);
    }

    /** Reads in a transaction of its own acting for the user, or for nobody when {@code user} is null. */
    public <T> T readAs(UUID user, Supplier<T> query) {
        if (user == null) {
            return readIn(() -> { }, query);
        }
        return as(user, () -> readIn(rows::actForCaller, query));
    }

    private <T> T readIn(Runnable start, Supplier<T> query) {
        try {
            transaction.begin();
            try {
                start.run();
                return query.get();
            } finally {
                transaction.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JPQL query through the application's persistence unit, as written: no filter added. */
    public <T> List<T> list(String jpql, Class<T> type) {
        return em.createQuery(jpql, type).getResultList();
    }

    public long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    public Object value(String sql, Object... parameters) {
        try (Connection db = connection(); PreparedStatement query = db.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain SQL, outside the application's transactions. */
    public void execute(String sql, Object... parameters) {
        try (Connection db = connection()) {
            if (parameters.length == 0) {
                try (Statement statement = db.createStatement()) {
                    statement.execute(sql);
                }
                return;
            }
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                bind(statement, parameters);
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection beside the application's, as the tables' owner where one is configured (a script or an operator:
     * every row, triggers, the SQL functions), else as the application.
     */
    public Connection connection() throws SQLException {
        if (owner.isEmpty()) {
            return dataSource.getConnection();
        }
        try {
            Class.forName("org.postgresql.Driver"); // registers the WAR's driver with DriverManager
        } catch (ClassNotFoundException e) {
            throw new SQLException(e);
        }
        return DriverManager.getConnection(url, owner.get(), ownerPassword.orElse(""));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
