package dev.kontak.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AppTokenTest {

    /** 43 base64url characters: 32 bytes, 258 bits of which the last two are zero. */
    private static final String SAMPLE = "kontak_" + "A".repeat(43);

    @Test
    void aNewTokenIsThePrefixAnd32RandomBytesInBase64Url() {
        String token = AppToken.generate().text();

        assertTrue(token.startsWith("kontak_"), token);
        assertEquals(50, token.length(), token);
        assertTrue(token.substring(7).matches("[A-Za-z0-9_-]+"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token.substring(7)).length);
    }

    @Test
    void newTokensDoNotRepeat() {
        Set<String> tokens = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> tokens.add(AppToken.generate().text()));

        assertEquals(10_000, tokens.size());
    }

    @Test
    void theStoredFormIsTheSha256OfTheWholeTokenInLowerCaseHex() {
        // printf 'kontak_AAA...A' | sha256sum
        assertEquals("2cc85bef26317b0fbfabba46caed4b783cb82efe16d2d0f5879717da02de57f8", new AppToken(SAMPLE).sha256());
        assertNotEquals(new AppToken(SAMPLE).sha256(), new AppToken("kontak_" + "A".repeat(42) + "B").sha256());
    }

    @Test
    void onlyTheTokensShapeIsTakenForOne() {
        AppToken generated = AppToken.generate();
        assertEquals(Optional.of(generated), AppToken.parse(generated.text()));
        assertTrue(AppToken.parse(SAMPLE).isPresent());

        for (String other : new String[] {null, "", "a long enough password", "kontak_", "Kontak_" + "A".repeat(43),
                "github_" + "A".repeat(43), SAMPLE + "A", SAMPLE.substring(0, 49), "kontak_" + "A".repeat(42) + "=",
                "kontak_" + "A".repeat(42) + "+", "kontak_" + "A".repeat(42) + "/", " " + SAMPLE,
                "kontak_" + "A".repeat(42) + "\0"}) {
            assertFalse(AppToken.parse(other).isPresent(), () -> "taken for a token: " + other);
        }
        assertThrows(IllegalArgumentException.class, () -> new AppToken("kontak_short"));
    }

    @Test
    void itsTextNeverShowsInToString() {
        AppToken token = AppToken.generate();

        assertFalse(token.toString().contains(token.text().substring(7, 15)), token.toString());
    }
}
