package dev.kontak.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private static final long HEAP = 4L << 30;

    @Test
    void aPlainNumberIsBytes() {
        assertEquals(268_435_456L, MemoryBudget.bytes("268435456", HEAP));
    }

    @Test
    void binaryUnitsInEitherCase() {
        assertEquals(512L * 1024, MemoryBudget.bytes("512k", HEAP));
        assertEquals(256L * 1024 * 1024, MemoryBudget.bytes("256M", HEAP));
        assertEquals(2L * 1024 * 1024 * 1024, MemoryBudget.bytes(" 2gb ", HEAP));
    }

    @Test
    void aPercentIsAShareOfTheMaximumHeap() {
        assertEquals(429_496_729L, MemoryBudget.bytes("10%", HEAP));
        assertEquals(HEAP, MemoryBudget.bytes("100%", HEAP));
    }

    @Test
    void anythingElseIsRefusedWithTheSettingInTheMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.bytes("lots", HEAP));
        assertEquals("Not a size in bytes (like 268435456, 256m or 10%): lots", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.bytes("-5", HEAP));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.bytes("150%", HEAP));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.bytes("1.5g", HEAP));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.bytes("99999999999999g", HEAP));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.bytes("99999999999999999999", HEAP));
    }
}
