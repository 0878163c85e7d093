package dev.kontak.metadata.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.contacts.entity.ContactState;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Regression: logging the first activity on a contact threw a NullPointerException (no earlier time to compare). */
class FirstActivityOnAContactTest {

    private static final UUID CONTACT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void theFirstActivityBecomesTheLatestWithoutALookUp() {
        UserMetadata metadata = new UserMetadata(UUID.randomUUID(), NOW);
        metadata.gain(state(0, null));
        Instant occurred = Instant.parse("2026-11-26T10:00:00Z");

        boolean lookUp = metadata.change(state(0, null), state(1, occurred));

        assertFalse(lookUp);
        assertEquals(occurred, metadata.lastActivityAt());
        assertEquals(1, metadata.activityCount());
    }

    @Test
    void removingTheLatestActivityAsksForALookUp() {
        UserMetadata metadata = new UserMetadata(UUID.randomUUID(), NOW);
        Instant occurred = Instant.parse("2026-11-26T10:00:00Z");
        metadata.gain(state(1, occurred));

        assertTrue(metadata.change(state(1, occurred), state(0, null)));
    }

    private static ContactState state(int activities, Instant lastActivityAt) {
        return new ContactState(CONTACT, UUID.randomUUID(), null, 1, activities, lastActivityAt, 0);
    }
}
