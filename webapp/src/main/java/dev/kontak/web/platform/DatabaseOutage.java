package dev.kontak.web.platform;

import jakarta.resource.ResourceException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.transaction.xa.XAException;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A request failed because the database could not be reached (stopped, restarting, cut off): the client is told
 * 503 with {@code Retry-After}, never 500, since trying again shortly is the right thing to do. The failure is
 * known by its causes: a refused or broken connection, an SQL state of class 08 (connection exception) or of
 * PostgreSQL's shutting down (57P01-57P03), the pool failing to hand out a working connection, or the transaction
 * manager failing to end a transaction (the database is Kontak's one resource; the pool's and the transaction
 * manager's exceptions carry PostgreSQL's message but not its exception). Payara's {@code @Transactional} sometimes
 * fails a commit on a connection the database dropped with a {@link NullPointerException} of its own (the
 * transaction is already gone), so a transaction that could not end counts whatever its cause; only a call in
 * the wrong transaction context ({@code MANDATORY}, {@code NEVER}) is a mistake of ours.
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait; Kontak serves again within two of the database's return. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    public static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SystemException
                    || cause instanceof XAException || cause instanceof ResourceException) {
                return true;
            }
            if (cause instanceof TransactionalException unended && !(unended.getCause() instanceof
                    TransactionRequiredException || unended.getCause() instanceof InvalidTransactionException)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTTING_DOWN.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /** A readiness check that needs the database is DOWN while it cannot be reached, rather than failing. */
    public static HealthCheckResponse downWhileUnreachable(String check, Supplier<HealthCheckResponse> reading) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            if (!explains(e)) {
                throw e;
            }
            return HealthCheckResponse.named(check).down().withData("error", "database unreachable").build();
        }
    }

    /** Asks the client to come back: {@code Retry-After} on a 503. */
    public static void askToRetry(HttpServletResponse response) {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
}
