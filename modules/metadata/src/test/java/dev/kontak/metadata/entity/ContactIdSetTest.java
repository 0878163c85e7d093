package dev.kontak.metadata.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactIdSetTest {

    @Test
    void findsExactlyItsIdsWhateverTheirSigns() {
        Random random = new Random(42);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        ids.add(new UUID(Long.MIN_VALUE, 0));
        ids.add(new UUID(Long.MAX_VALUE, -1));

        ContactIdSet set = ContactIdSet.of(ids);

        assertEquals(ids.size(), set.size());
        ids.forEach(id -> assertTrue(set.contains(id), id::toString));
        for (int i = 0; i < 2_000; i++) {
            UUID stranger = new UUID(random.nextLong(), random.nextLong());
            assertEquals(ids.contains(stranger), set.contains(stranger));
        }
        assertFalse(ContactIdSet.of(Set.of()).contains(UUID.randomUUID()));
        assertFalse(set.contains(new UUID(0, 0)));
        ContactIdSet withNil = ContactIdSet.of(java.util.List.of(new UUID(0, 0), new UUID(0, 0), new UUID(0, 1)));
        assertTrue(withNil.contains(new UUID(0, 0)));
        assertEquals(2, withNil.size());
    }

    @Test
    void itsSizeInBytesIsKnownBeforeTheIdsAreRead() {
        for (int count : new int[] {0, 1, 2, 3, 100, 1_000, 1_025, 4_096}) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(new UUID(1, i + 1));
            }
            assertEquals(ContactIdSet.of(ids).bytes(), ContactIdSet.bytesFor(count), count + " ids");
        }
    }
}
