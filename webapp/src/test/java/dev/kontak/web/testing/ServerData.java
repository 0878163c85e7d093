package dev.kontak.web.testing;

import dev.kontak.auth.boundary.NewAccount;
import dev.kontak.auth.boundary.Registration;
import dev.kontak.auth.entity.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * For tests that run inside the server: new users through the application, and plain SQL beside it (to look at
 * rows, or to corrupt them as a buggy script would). Add it to the deployment with
 * {@link KontakDeployment#withTests}.
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

    public UUID newUser(String who) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@kontak.test";
        return registration.register(new NewAccount(email, PASSWORD, who), Role.USER).id();
    }

    public String emailOf(UUID user) {
        return (String) value("SELECT email FROM users WHERE id = ?", user);
    }

    /** Reads in a transaction of its own, as the application's boundaries do. */
    public <T> T read(Supplier<T> query) {
        try {
            transaction.begin();
            try {
                return query.get();
            } finally {
                transaction.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    public Object value(String sql, Object... parameters) {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
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
        try (Connection db = dataSource.getConnection()) {
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

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
