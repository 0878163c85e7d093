package dev.kontak.web.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of the deployments that add this class: the application's clock ({@code SystemClock}), which a test
 * moves forward to let time pass instead of rewriting timestamps in the database. Time only moves forward, as it
 * would on a server; everything the application dates takes it from this clock.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class MovableClock {

    private final Moved clock = new Moved(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)), new AtomicReference<>(Duration.ZERO));

    @Produces
    Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public void advance(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward");
        }
        clock.ahead.accumulateAndGet(time, Duration::plus);
    }

    private static final class Moved extends Clock {

        private final Clock real;
        private final AtomicReference<Duration> ahead;

        Moved(Clock real, AtomicReference<Duration> ahead) {
            this.real = real;
            this.ahead = ahead;
        }

        @Override
        public Instant instant() {
            return real.instant().plus(ahead.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("Kontak keeps time in UTC");
        }
    }
}
