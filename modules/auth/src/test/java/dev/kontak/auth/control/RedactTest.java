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

    @Test
    void textMasksEveryEmailAddressAndPhoneNumberInIt() {
        assertEquals("Sign-in failed for a***@e***.com and b***@m***.org",
                Redact.text("Sign-in failed for alice@example.com and bob.smith+x@mail.example.org"));
        assertEquals("ERROR: duplicate key. Detail: Key (email)=(a***@e***.com) already exists.",
                Redact.text("ERROR: duplicate key. Detail: Key (email)=(alice@example.com) already exists."));
        assertEquals("bind => [Ada, ***58, (***01, a***@e***.com]",
                Redact.text("bind => [Ada, +44 20 7946 0958, (030) 1234-5601, ada@example.com]"));
        assertEquals("call ***67 now", Redact.text("call 0812345567 now"));
    }

    @Test
    void textLeavesIdsTimesAndSmallNumbersAlone() {
        String plain = "Refused VIEW on contact 123e4567-e89b-12d3-a456-426614174000 at 2026-11-26T10:00:00Z"
                + " and 2026-11-26 10:00:00.123, 200 users checked in 1234 ms from 192.168.100.200:8080, v1.2.3";
        assertEquals(plain, Redact.text(plain));
        String digitsFirst = "Refused VIEW on contact 75028888-998f-496d-a25f-77d7863b01f3 for user"
                + " 12345678-1234-1234-1234-123456789012";
        assertEquals(digitsFirst, Redact.text(digitsFirst), "UUIDs that start with (or are all) digits");
        assertEquals("a***@e***.com", Redact.text(Redact.text("alice@example.com")), "masking twice changes nothing");
    }
}
