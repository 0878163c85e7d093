package dev.kontak.carddav.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.carddav.control.DavRequest.TextMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardQueryTest {

    private static final CardQuery.Card SITI = new CardQuery.Card("Siti Nurhaliza", "Ctie",
            List.of("siti@rumah.example", "siti.n@kantor.example"), List.of("081234567890"));

    @Test
    void nameEmailAndPhoneMatchWithoutCaseByTheirType() {
        assertTrue(query(false, new TextMatch("FN", "NURHALIZA", "contains", false)).matches(SITI));
        assertTrue(query(false, new TextMatch("NICKNAME", "ctie", "equals", false)).matches(SITI), "the nickname is a name");
        assertTrue(query(false, new TextMatch("EMAIL", "siti.n@kantor.example", "equals", false)).matches(SITI));
        assertFalse(query(false, new TextMatch("EMAIL", "kantor", "equals", false)).matches(SITI));
        assertTrue(query(false, new TextMatch("EMAIL", "siti@", "starts-with", false)).matches(SITI));
        assertTrue(query(false, new TextMatch("TEL", "0812-3456", "starts-with", false)).matches(SITI), "by digits");
        assertTrue(query(false, new TextMatch("FN", "budi", "contains", true)).matches(SITI), "negated");
    }

    @Test
    void allOfNeedsEveryMatchAndAnyOfOne() {
        TextMatch name = new TextMatch("FN", "siti", "contains", false);
        TextMatch other = new TextMatch("EMAIL", "budi", "contains", false);
        assertFalse(query(false, name, other).matches(SITI));
        assertTrue(query(true, name, other).matches(SITI));
        assertTrue(query(false).matches(SITI), "no filter: every card");
    }

    @Test
    void aFilterOnAPropertyKontakDoesNotSearchIsRefused() {
        assertEquals(403, assertThrows(InvalidDavRequest.class,
                () -> query(false, new TextMatch("X-SECRET", "a", "contains", false))).status());
    }

    private static CardQuery query(boolean anyOf, TextMatch... matches) {
        return new CardQuery(List.of(matches), anyOf);
    }
}
