package dev.kontak.kernel.transactions;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Runs outside {@code @Transactional} (an earlier priority), so each attempt is a transaction of its own: one that
 * PostgreSQL chose as a deadlock's victim (40P01) or could not serialize (40001) rolled back whole, and is tried
 * again, up to {@value #ATTEMPTS} times. Only where the call began the transaction: inside someone else's, the
 * failure is theirs to handle. Each attempt waits a little longer, at random, so that the two do not meet again.
 */
@RetriedOnDeadlock
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DeadlockRetries {

    static final int ATTEMPTS = 5;

    private static final Set<String> RETRIABLE = Set.of("40P01", "40001");
    private static final Logger LOG = Logger.getLogger(DeadlockRetries.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object retried(InvocationContext call) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return call.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isRetriable(e)) {
                    throw e;
                }
                int tried = attempt;
                LOG.info(() -> call.getMethod().getName() + " lost a deadlock, trying again (attempt " + (tried + 1)
                        + ")");
                Thread.sleep(ThreadLocalRandom.current().nextLong(10L * attempt, 50L * attempt));
            }
        }
    }

    static boolean isRetriable(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && RETRIABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
