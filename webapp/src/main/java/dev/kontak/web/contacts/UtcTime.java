package dev.kontak.web.contacts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Times on the pages are UTC, to the minute: shown as {@code 2026-11-26 20:13 UTC} and typed into
 * {@code datetime-local} fields labelled UTC. Such a field sends no zone, and guessing the visitor's zone would
 * need a script, so one stated rule is the honest choice.
 */
public final class UtcTime {

    public static final UtcTime PAGES = new UtcTime();

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    public String text(Instant instant) {
        return TEXT.format(instant);
    }

    /** The value of a {@code datetime-local} field. */
    public String input(Instant instant) {
        return INPUT.format(instant.truncatedTo(ChronoUnit.MINUTES));
    }

    /** What a {@code datetime-local} field sent ({@code 2026-11-26T20:13}, seconds optional), read as UTC. */
    public static Optional<Instant> parse(String input) {
        try {
            return Optional.of(LocalDateTime.parse(input.strip()).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }
}
