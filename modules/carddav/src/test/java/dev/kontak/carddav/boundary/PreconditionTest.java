package dev.kontak.carddav.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreconditionTest {

    @Test
    void ifNoneMatchStarHoldsOnlyForANewCardAndIfMatchOnlyForItsVersion() {
        Precondition create = Precondition.of(null, "*");
        assertTrue(create.holdsFor(null));
        assertFalse(create.holdsFor(3L));

        Precondition atThree = Precondition.of("\"3\"", null);
        assertTrue(atThree.holdsFor(3L));
        assertFalse(atThree.holdsFor(4L));
        assertFalse(atThree.holdsFor(null), "a card that is gone matches no tag");
        assertFalse(Precondition.of("W/\"x\"", null).holdsFor(3L), "a tag that is not ours matches nothing");
        assertTrue(Precondition.of("*", null).holdsFor(3L));
        assertFalse(Precondition.of("*", null).holdsFor(null));
        assertTrue(Precondition.NONE.holdsFor(null) && Precondition.NONE.holdsFor(9L));
    }
}
