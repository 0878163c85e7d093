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
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Kontak's one database, defined from configuration (see {@link DatabaseDefaults}), brought to the current schema
 * before the application serves anything.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=kontak.db.datasource-class}",
        url = "${MPCONFIG=kontak.db.url}",
        user = "${MPCONFIG=kontak.db.user}",
        password = "${MPCONFIG=kontak.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/kontak";

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @Inject
    FirstAdmin firstAdmin;

    @PostConstruct
    void migrate() {
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/{vendor}")
                .failOnMissingLocations(false)
                .load()
                .migrate();
        firstAdmin.ensure();
    }
}
