package dev.kontak.web.platform;

import dev.kontak.auth.control.Redact;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Masks e-mail addresses and phone numbers ({@link Redact#text}) in every record that reaches the runtime's root
 * log handlers, whoever logged it: Kontak masks its own messages where it writes them, but a database driver's
 * exception ("Key (email)=(...) already exists") or a library's message is not ours to word. Installed as a
 * {@link Filter} on each root handler (the standard hook that sees a record before its handler formats it) for as
 * long as the application runs; the handler's own filter, if any, still decides.
 */
@WebListener
public class MaskedLogs implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent started) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (!(handler.getFilter() instanceof Masking)) {
                handler.setFilter(new Masking(handler.getFilter()));
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent stopped) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getFilter() instanceof Masking masking) {
                handler.setFilter(masking.previous);
            }
        }
    }

    /** Rewrites the record in place: the message with its parameters filled in, masked; the exception masked. */
    static final class Masking implements Filter {

        private static final Formatter MESSAGES = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record);
            }
        };

        private final Filter previous;

        Masking(Filter previous) {
            this.previous = previous;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (previous != null && !previous.isLoggable(record)) {
                return false;
            }
            String message = MESSAGES.formatMessage(record);
            String masked = Redact.text(message);
            if (!masked.equals(message) || record.getParameters() != null) {
                record.setMessage(masked);
                record.setParameters(null);
                record.setResourceBundle(null);
                record.setResourceBundleName(null);
            }
            if (record.getThrown() != null) {
                record.setThrown(MaskedFailure.of(record.getThrown()));
            }
            return true;
        }
    }

    /**
     * A failure as it would print, with personal data masked in every message of its cause chain; the stack
     * traces are kept. Failures without personal data are logged as they are.
     */
    static final class MaskedFailure extends RuntimeException {

        private final String description;

        private MaskedFailure(String description, Throwable cause, StackTraceElement[] stack) {
            super(description, cause, false, true);
            this.description = description;
            setStackTrace(stack);
        }

        static Throwable of(Throwable failure) {
            if (failure instanceof MaskedFailure || !needsMasking(failure)) {
                return failure;
            }
            Throwable cause = failure.getCause() == null || failure.getCause() == failure ? null : of(failure.getCause());
            return new MaskedFailure(Redact.text(failure.toString()), cause, failure.getStackTrace());
        }

        private static boolean needsMasking(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String text = t.toString();
                if (!Redact.text(text).equals(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
