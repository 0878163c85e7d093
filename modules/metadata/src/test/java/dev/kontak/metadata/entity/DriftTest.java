package dev.kontak.metadata.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which columns of a stored row differ from a full recompute: each one on its own, and none when equal. */
class DriftTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final Instant LATEST = Instant.parse("2026-11-26T10:00:00Z");
    private static final MetadataValues EXPECTED = values(new TreeSet<>(Set.of(A, B)), 3, LATEST, List.of("t1"),
            List.of("contacts:create", "team:t1:share", "teams:create"), "00000000000000ff");

    @Test
    void aRowEqualToTheRecomputeHasNoDrift() {
        Drift drift = Drift.between(EXPECTED, EXPECTED, 2);

        assertFalse(drift.any());
        assertEquals(Drift.none(), drift);
    }

    @Test
    void aWrongCountAloneIsDrift() {
        assertEquals(Set.of("contact_count"), Drift.between(EXPECTED, EXPECTED, 5).columns());
    }

    @Test
    void aMissingAndAForeignAccessRowAreDrift() {
        UUID foreign = UUID.randomUUID();
        MetadataValues stored = values(new TreeSet<>(Set.of(A, foreign)), 3, LATEST, EXPECTED.teamIds(),
                EXPECTED.permissions(), EXPECTED.dataChecksum());

        assertEquals(Set.of("contact_ids"), Drift.between(EXPECTED, stored, 2).columns());
    }

    @Test
    void everyOtherColumnIsComparedOnItsOwn() {
        assertEquals(Set.of("activity_count"), drift(values(EXPECTED.contactIds(), 4, LATEST, EXPECTED.teamIds(),
                EXPECTED.permissions(), EXPECTED.dataChecksum())));
        assertEquals(Set.of("last_activity_at"), drift(values(EXPECTED.contactIds(), 3, null, EXPECTED.teamIds(),
                EXPECTED.permissions(), EXPECTED.dataChecksum())));
        assertEquals(Set.of("team_ids"), drift(values(EXPECTED.contactIds(), 3, LATEST, List.of(),
                EXPECTED.permissions(), EXPECTED.dataChecksum())));
        assertEquals(Set.of("permissions"), drift(values(EXPECTED.contactIds(), 3, LATEST, EXPECTED.teamIds(),
                List.of("contacts:create", "teams:create"), EXPECTED.dataChecksum())));
        assertEquals(Set.of("data_checksum"), drift(values(EXPECTED.contactIds(), 3, LATEST, EXPECTED.teamIds(),
                EXPECTED.permissions(), "0000000000000000")));
    }

    @Test
    void aMissingRowIsDrift() {
        assertTrue(Drift.missingRow().any());
    }

    private static Set<String> drift(MetadataValues stored) {
        return Drift.between(EXPECTED, stored, 2).columns();
    }

    private static MetadataValues values(java.util.SortedSet<UUID> contacts, int activities, Instant latest,
            List<String> teams, List<String> permissions, String checksum) {
        return new MetadataValues(contacts, activities, latest, teams, permissions, checksum);
    }
}
