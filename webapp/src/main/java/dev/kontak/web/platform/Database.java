package dev.kontak.web.platform;

import dev.kontak.auth.boundary.FirstAdmin;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Kontak's one database, defined from configuration (see {@link DatabaseDefaults}), brought to the current schema
 * before the application serves anything. The data source connects as {@code kontak.db.user}; migrations run as
 * {@code kontak.db.owner-user} where one is configured (on PostgreSQL the application's role is then held by row
 * level security, see {@code RowLevelSecurity}).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=kontak.db.datasource-class}",
        url = "${MPCONFIG=kontak.db.url}",
        user = "${MPCONFIG=kontak.db.user}",
        password = "${MPCONFIG=kontak.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // PostgreSQL: let the server type string parameters, so JSON text can be written to JSONB columns; send a
        // batch of inserts as multi-row inserts (an import's cards, CardRows); give up connecting after a second.
        // The pool: every connection is validated before use and, when one is found broken, all are closed (a
        // restarted database broke them all); a request waits at most a second for a free one.
        properties = {"stringtype=unspecified", "reWriteBatchedInserts=true", "connectTimeout=1",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=1000"})
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/kontak";

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    @ConfigProperty(name = "kontak.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "kontak.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "kontak.db.password")
    String password;

    @Inject
    @ConfigProperty(name = "kontak.db.owner-user")
    Optional<String> owner;

    @Inject
    @ConfigProperty(name = "kontak.db.owner-password")
    Optional<String> ownerPassword;

    @PostConstruct
    void migrate() {
        FluentConfiguration flyway = Flyway.configure(getClass().getClassLoader())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor());
        if (owner.isPresent() && !owner.get().equals(user)) {
            // The tables' owner migrates; the application's own role, which row level security holds, never could.
            flyway.dataSource(url, owner.get(), ownerPassword.orElse(password));
        } else {
            flyway.dataSource(dataSource);
        }
        flyway.load().migrate();
        firstAdmin.ensure();
    }

    /** The folder of migrations only this database understands: {@code postgresql} or {@code h2}. */
    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
