package dev.kontak.contacts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchTermTest {

    @Test
    void aPhoneLikeTermIsAlsoSearchedByItsDigitsWithoutTheTrunkPrefix() {
        SearchTerm term = SearchTerm.of(" 0812 3456 ");
        assertEquals("0812 3456", term.text());
        assertEquals("%8123456%", term.digitsPattern());
        assertTrue("6281234567890".contains("8123456"), "+62 812-3456-7890 holds the digits");
    }

    @Test
    void wordsWithDigitsAreNotPhoneNumbers() {
        assertFalse(SearchTerm.of("Contact 12345").hasDigits());
        assertFalse(SearchTerm.of("12").hasDigits(), "too few digits to say anything");
        assertTrue(SearchTerm.of("+44 (20) 7946-0958").hasDigits());
    }

    @Test
    void wildcardsAndTheEscapeCharacterMatchThemselves() {
        assertEquals("%50\\%\\_a\\\\b%", SearchTerm.of("50%_A\\b").substringPattern());
        assertEquals("50\\%%", SearchTerm.of("50%").prefixPattern());
    }

    @Test
    void oneAndTwoCharacterTermsAreShortUnlessTheyAreDigits() {
        assertTrue(SearchTerm.of("a").isShort());
        assertTrue(SearchTerm.of("ad").isShort());
        assertFalse(SearchTerm.of("ada").isShort());
        assertTrue(SearchTerm.of("\uD83D\uDE00\uD83D\uDE00").isShort(), "two characters, four UTF-16 units");
    }

    @Test
    void aNulFindsNothing() {
        assertTrue(SearchTerm.of("ad\0a").findsNothing());
        assertFalse(SearchTerm.of("ada").findsNothing());
    }
}
