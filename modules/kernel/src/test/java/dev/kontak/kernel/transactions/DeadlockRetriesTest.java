package dev.kontak.kernel.transactions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DeadlockRetriesTest {

    @Test
    void aDeadlockOrASerializationFailureAnywhereInTheCausesIsTriedAgain() {
        assertTrue(DeadlockRetries.isRetriable(new IllegalStateException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(DeadlockRetries.isRetriable(new RuntimeException(new RuntimeException(
                new SQLException("could not serialize access", "40001")))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DeadlockRetries.isRetriable(new IllegalArgumentException("bad input")));
        assertFalse(DeadlockRetries.isRetriable(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DeadlockRetries.isRetriable(new RuntimeException(new SQLException("pool: no connection"))),
                "an SQL exception without a state (the pool's, while the database is away)");
    }
}
