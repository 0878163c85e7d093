package dev.kontak.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    private final Instant start = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void tenFailuresWithinFifteenMinutesLockForFifteenMinutes() {
        SignInAttempts attempts = new SignInAttempts("Bob@Example.com", start);
        for (int i = 0; i < 9; i++) {
            attempts.recordFailure(start.plus(Duration.ofMinutes(i)));
        }
        assertFalse(attempts.isLocked(start.plus(Duration.ofMinutes(9))), "nine failures do not lock");

        Instant tenth = start.plus(Duration.ofMinutes(14));
        attempts.recordFailure(tenth);

        assertTrue(attempts.isLocked(tenth));
        assertTrue(attempts.isLocked(tenth.plus(Duration.ofMinutes(15)).minusSeconds(1)));
        assertFalse(attempts.isLocked(tenth.plus(Duration.ofMinutes(15))));
    }

    @Test
    void failuresOutsideTheWindowStartItAgain() {
        SignInAttempts attempts = new SignInAttempts("bob@example.com", start);
        for (int i = 0; i < 9; i++) {
            attempts.recordFailure(start);
        }
        Instant later = start.plus(SignInAttempts.WINDOW);
        attempts.recordFailure(later);

        assertFalse(attempts.isLocked(later));
        assertEquals(1, attempts.failures());
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock() {
        SignInAttempts attempts = new SignInAttempts("bob@example.com", start);
        for (int i = 0; i < 10; i++) {
            attempts.recordFailure(start);
        }
        attempts.recordFailure(start.plus(Duration.ofMinutes(10)));

        assertFalse(attempts.isLocked(start.plus(SignInAttempts.LOCK)));
    }

    @Test
    void aClientsRowIsNeverAnEmailAddressesRow() {
        String key = SignInAttempts.clientKey("192.0.2.7");

        assertNotEquals(key, Account.normalizeEmail(key), "whatever is typed into the sign-in form is lower-cased");
        assertEquals(1, failuresAfterOne(SignInAttempts.ofClient("192.0.2.7", start)));
    }

    private int failuresAfterOne(SignInAttempts attempts) {
        attempts.recordFailure(start);
        return attempts.failures();
    }
}
