package dev.kontak.web.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConditionalGetTest {

    private static final String TAG = "\"v7-0123456789abcdef01234567\"";

    @Test
    void ifNoneMatchMatchesTheTagAmongOthersWeakOrStrongOrAnyTag() {
        assertTrue(ConditionalGet.matches(TAG, TAG));
        assertTrue(ConditionalGet.matches("W/" + TAG, TAG));
        assertTrue(ConditionalGet.matches("\"v6-x\", " + TAG, TAG));
        assertTrue(ConditionalGet.matches("*", TAG));
    }

    @Test
    void anotherVersionOrNoHeaderIsNoMatch() {
        assertFalse(ConditionalGet.matches(null, TAG));
        assertFalse(ConditionalGet.matches("\"v8-0123456789abcdef01234567\"", TAG));
        assertFalse(ConditionalGet.matches("v7-0123456789abcdef01234567", TAG), "a tag is quoted");
    }
}
