package dev.kontak.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one source of "now", so that tests can move time instead of sleeping. It ticks in microseconds, the
 * precision of the database's timestamps: an instant kept in memory equals the one read back, so an answer given
 * right after a change shows the same times as every later read.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
