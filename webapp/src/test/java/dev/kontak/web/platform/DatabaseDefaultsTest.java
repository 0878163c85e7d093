package dev.kontak.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseDefaultsTest {

    @Test
    void dataSourceClassFollowsTheUrl() {
        assertEquals("org.postgresql.ds.PGSimpleDataSource",
                DatabaseDefaults.dataSourceClass("jdbc:postgresql://db:5432/kontak"));
        assertEquals("org.h2.jdbcx.JdbcDataSource", DatabaseDefaults.dataSourceClass("jdbc:h2:file:/var/kontak/kontak"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DatabaseDefaults.dataSourceClass("jdbc:mysql://db/kontak"));
        assertEquals("kontak.db.url must start with jdbc:postgresql: or jdbc:h2:", unknown.getMessage());
    }

    @Test
    void embeddedDatabaseLivesUnderTheDataDirectoryAsAnAbsolutePath() {
        String expected = "jdbc:h2:file:" + Path.of("").toAbsolutePath().resolve("data").resolve("kontak");
        assertEquals(expected, DatabaseDefaults.embeddedUrl("data"));
        assertEquals("jdbc:h2:file:/srv/kontak/kontak", DatabaseDefaults.embeddedUrl("/srv/kontak/"));
    }
}
