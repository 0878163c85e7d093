package dev.kontak.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvalidationNumbersTest {

    private static final long LATER = InvalidationNumbers.GRACE_NANOS + 1;

    private final InvalidationNumbers numbers = new InvalidationNumbers();
    private final UUID node = UUID.randomUUID();

    @Test
    void messagesInOrderLoseNothingWhateverNumberTheFirstHas() {
        assertEquals(0, numbers.received(node, 41, 0));
        assertEquals(0, numbers.received(node, 42, 0));
        assertEquals(0, numbers.received(node, 43, LATER));
    }

    @Test
    void aMessageArrivingLateWithinTheGraceIsNotLost() {
        numbers.received(node, 1, 0);
        assertEquals(0, numbers.received(node, 3, 0));
        assertEquals(0, numbers.received(node, 2, 10));
        assertEquals(0, numbers.lost(LATER));
    }

    @Test
    void aNumberStillMissingAfterTheGraceIsLostOnce() {
        numbers.received(node, 1, 0);
        numbers.received(node, 4, 0);

        assertEquals(2, numbers.received(node, 5, LATER), "2 and 3 never came");
        assertEquals(0, numbers.lost(2 * LATER), "and are counted once");
        assertEquals(0, numbers.received(node, 3, 2 * LATER), "one arriving after all changes nothing");
    }

    @Test
    void sendersAreNumberedApart() {
        UUID other = UUID.randomUUID();
        numbers.received(node, 1, 0);
        numbers.received(other, 7, 0);

        assertEquals(0, numbers.received(node, 2, LATER));
        assertEquals(1, numbers.received(other, 9, 0) + numbers.lost(LATER));
    }

    @Test
    void aHugeJumpIsLostAtOnce() {
        numbers.received(node, 1, 0);

        assertEquals(InvalidationNumbers.MAX_MISSING + 1,
                numbers.received(node, 1 + InvalidationNumbers.MAX_MISSING + 2, 0));
    }
}
