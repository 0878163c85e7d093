package dev.kontak.web.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that depend on other settings, which a properties file cannot express: the embedded database lives
 * under {@code kontak.data.dir}, and the JDBC data source class follows from {@code kontak.db.url}. Every key
 * can still be set explicitly; this source has the lowest ordinal.
 */
public class DatabaseDefaults implements ConfigSource {

    static final String URL = "kontak.db.url";
    static final String DATASOURCE_CLASS = "kontak.db.datasource-class";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(URL, DATASOURCE_CLASS);
    }

    @Override
    public String getValue(String name) {
        return switch (name) {
            case URL -> embeddedUrl(ConfigProvider.getConfig().getOptionalValue("kontak.data.dir", String.class)
                    .orElse("data"));
            case DATASOURCE_CLASS -> dataSourceClass(ConfigProvider.getConfig().getValue(URL, String.class));
            default -> null;
        };
    }

    static String embeddedUrl(String dataDir) {
        return "jdbc:h2:file:" + Path.of(dataDir, "kontak").toAbsolutePath().normalize();
    }

    static String dataSourceClass(String jdbcUrl) {
        Map<String, String> byPrefix = Map.of(
                "jdbc:postgresql:", "org.postgresql.ds.PGSimpleDataSource",
                "jdbc:h2:", "org.h2.jdbcx.JdbcDataSource");
        return byPrefix.entrySet().stream()
                .filter(entry -> jdbcUrl.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "kontak.db.url must start with jdbc:postgresql: or jdbc:h2:"));
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    @Override
    public String getName() {
        return "Kontak database defaults";
    }
}
