package dev.kontak.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void emailKeepsFirstLetterAndTopLevelDomainOnly() {
        assertEquals("a***@e***.com", Redact.email("alice@example.com"));
        assertEquals("***", Redact.email("not-an-email"));
    }

    @Test
    void phoneKeepsLastTwoDigits() {
        assertEquals("***90", Redact.phone("+62 812-3456-7890"));
        assertEquals("***", Redact.phone("7"));
    }
}
