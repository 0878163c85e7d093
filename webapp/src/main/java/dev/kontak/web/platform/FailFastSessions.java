package dev.kontak.web.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed on a broken connection, by default three times five seconds apart: while
 * the database is down a request would hang for fifteen seconds before failing. The pool already hands out only
 * validated connections ({@link Database}), so a failed read fails at once and the client is told to retry
 * ({@link DatabaseOutage}).
 */
public class FailFastSessions implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
