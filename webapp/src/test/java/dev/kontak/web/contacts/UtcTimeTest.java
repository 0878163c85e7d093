package dev.kontak.web.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UtcTimeTest {

    @Test
    void datetimeLocalValuesAreReadAndWrittenAsUtcToTheMinute() {
        Instant instant = Instant.parse("2026-11-26T20:13:45.123Z");

        assertEquals("2026-11-26T20:13", UtcTime.PAGES.input(instant));
        assertEquals("2026-11-26 20:13 UTC", UtcTime.PAGES.text(instant));
        assertEquals(Optional.of(Instant.parse("2026-11-26T20:13:00Z")), UtcTime.parse("2026-11-26T20:13"));
        assertEquals(Optional.of(Instant.parse("2026-11-26T20:13:45Z")), UtcTime.parse(" 2026-11-26T20:13:45 "));
    }

    @Test
    void anythingElseIsNoTime() {
        for (String input : new String[] {"", "yesterday", "2026-11-26", "2026-11-26T25:00", "2026-11-26T20:13Z"}) {
            assertEquals(Optional.empty(), UtcTime.parse(input), input);
        }
    }
}
