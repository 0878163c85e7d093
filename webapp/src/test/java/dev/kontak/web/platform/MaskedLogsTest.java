package dev.kontak.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

class MaskedLogsTest {

    @Test
    void messagesParametersAndEveryCauseAreMaskedBeforeTheHandlerFormatsThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(out, new SimpleFormatter());
        handler.setFilter(new MaskedLogs.Masking(null));
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);

        SQLException driver = new SQLException(
                "ERROR: duplicate key value. Detail: Key (email)=(alice@example.com) already exists.");
        logger.log(Level.WARNING, "Saving {0} with phone {1} failed",
                new Object[] {"bob@example.org", "+44 20 7946 0958"});
        logger.log(Level.SEVERE, "Request failed", new IllegalStateException("wrapped", driver));
        handler.flush();

        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Saving b***@e***.org with phone ***58 failed"), log);
        assertTrue(log.contains("Key (email)=(a***@e***.com) already exists."), log);
        assertTrue(log.contains("java.lang.IllegalStateException: wrapped"), log);
        assertTrue(log.contains("at dev.kontak.web.platform.MaskedLogsTest"), "stack traces are kept: " + log);
        for (String raw : new String[] {"alice@example.com", "bob@example.org", "7946 0958"}) {
            assertFalse(log.contains(raw), raw + " in " + log);
        }
    }

    @Test
    void failuresWithoutPersonalDataAreLoggedAsTheyAre() {
        IllegalStateException plain = new IllegalStateException("no connection", new SQLException("timeout"));
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setThrown(plain);

        assertTrue(new MaskedLogs.Masking(null).isLoggable(record));
        assertSame(plain, record.getThrown());
        assertEquals("failed", record.getMessage());
        assertFalse(new MaskedLogs.Masking(r -> false).isLoggable(record), "the handler's own filter still decides");
    }
}
