package dev.kontak.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins for one e-mail address, whether or not an account has it (so a lock reveals nothing):
 * {@value #MAX_FAILURES} failures within {@link #WINDOW} lock the address for {@link #LOCK}. A Bearer token names
 * no e-mail address: until it is found to be someone's app password, its failures count against the client's
 * network address instead ({@link #ofClient}).
 */
@Entity
@Table(name = "sign_in_attempts")
public class SignInAttempts {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    @Id
    private String email;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private Instant windowStartedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected SignInAttempts() {
    }

    public SignInAttempts(String email, Instant now) {
        this.email = Account.normalizeEmail(email);
        this.windowStartedAt = now;
    }

    public static SignInAttempts ofClient(String address, Instant now) {
        SignInAttempts attempts = new SignInAttempts();
        attempts.email = clientKey(address);
        attempts.windowStartedAt = now;
        return attempts;
    }

    /**
     * The row of failed Bearer sign-ins from one network address. It begins with a capital letter, and e-mail
     * addresses are stored lower-cased, so nothing typed into the sign-in form can count against a client's row.
     */
    public static String clientKey(String address) {
        return "Bearer from " + address;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public void recordFailure(Instant now) {
        if (isLocked(now)) {
            return;
        }
        if (!now.isBefore(windowStartedAt.plus(WINDOW))) {
            windowStartedAt = now;
            failures = 0;
        }
        failures++;
        if (failures >= MAX_FAILURES) {
            lockedUntil = now.plus(LOCK);
            windowStartedAt = now;
            failures = 0;
        }
    }

    public int failures() {
        return failures;
    }
}
