package dev.kontak.contacts.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The opaque cursor text: what encode gives out decodes to the same place; nothing else decodes at all. */
class PageCursorsTest {

    private static final UUID USER = UUID.fromString("0b7e5c2a-1111-4d2e-9a3b-5c6d7e8f9a0b");
    private final PageCursors cursors = new PageCursors("test secret");

    @Property
    void decodingWhatWasEncodedGivesTheSameCursor(@ForAll("cursors") ContactCursor cursor, @ForAll String text) {
        assertEquals(cursor, cursors.decode(cursors.encode(cursor, USER, text), USER, text));
    }

    @Property
    void anyOneCharacterChangedIsRefused(@ForAll("cursors") ContactCursor cursor, @ForAll @IntRange(min = 0, max = 2000) int at,
            @ForAll("base64url") char replacement) {
        String encoded = cursors.encode(cursor, USER, "");
        int position = at % encoded.length();
        String changed = encoded.substring(0, position) + replacement + encoded.substring(position + 1);
        if (!changed.equals(encoded)) {
            assertThrows(CursorRefused.class, () -> cursors.decode(changed, USER, ""));
        }
    }

    @Property
    void anyOneByteChangedIsRefused(@ForAll("cursors") ContactCursor cursor, @ForAll @IntRange(min = 0, max = 2000) int at,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] bytes = Base64.getUrlDecoder().decode(cursors.encode(cursor, USER, ""));
        bytes[at % bytes.length] ^= (byte) flip;
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThrows(CursorRefused.class, () -> cursors.decode(changed, USER, ""));
    }

    @Property
    void cutShortOrLengthenedIsRefused(@ForAll("cursors") ContactCursor cursor, @ForAll @IntRange(min = 1, max = 2000) int cut) {
        String encoded = cursors.encode(cursor, USER, "");
        assertThrows(CursorRefused.class, () -> cursors.decode(encoded.substring(0, encoded.length() - 1 - cut % encoded.length()), USER, ""));
        assertThrows(CursorRefused.class, () -> cursors.decode(encoded + "A", USER, ""));
    }

    @Property
    void aCursorOfAnotherUserAnotherSearchOrAnotherKeyIsRefused(@ForAll("cursors") ContactCursor cursor) {
        String encoded = cursors.encode(cursor, USER, "ada");
        assertThrows(CursorRefused.class, () -> cursors.decode(encoded, UUID.randomUUID(), "ada"));
        assertThrows(CursorRefused.class, () -> cursors.decode(encoded, USER, "adam"));
        assertThrows(CursorRefused.class, () -> new PageCursors("another secret").decode(encoded, USER, "ada"));
    }

    @Test
    void garbageIsRefused() {
        for (String garbage : new String[] {"", "x", "not base64!", "AAAA", "====", "a".repeat(5000), "\0"}) {
            assertThrows(CursorRefused.class, () -> cursors.decode(garbage, USER, ""), garbage);
        }
    }

    @Test
    void theSearchTextIsComparedStripped() {
        ContactCursor cursor = new ContactCursor(ContactOrder.RELEVANCE, 2, "ada lovelace", UUID.randomUUID());
        assertEquals(cursor, cursors.decode(cursors.encode(cursor, USER, " ada "), USER, "ada"));
    }

    @Provide
    Arbitrary<ContactCursor> cursors() {
        Arbitrary<UUID> ids = Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()));
        Arbitrary<ContactCursor> newest = Combinators.combine(Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999), ids)
                .as((seconds, nanos, id) -> new ContactCursor(ContactOrder.NEWEST, 0,
                        java.time.Instant.ofEpochSecond(seconds, nanos).toString(), id));
        Arbitrary<ContactCursor> byName = Combinators.combine(Arbitraries.of(ContactOrder.NAME, ContactOrder.RELEVANCE),
                Arbitraries.integers().between(0, ContactCursor.TIERS - 1), Arbitraries.strings().ofMaxLength(200), ids)
                .as(ContactCursor::new);
        return Arbitraries.oneOf(newest, byName);
    }

    @Provide
    Arbitrary<Character> base64url() {
        return Arbitraries.of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()).map(c -> c);
    }
}
