package dev.kontak.contacts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The opaque text of a page cursor: base64url of a version byte, the order, the tier, the contact id and the sort
 * key, followed by 16 bytes of HMAC-SHA256 over all of it and over the user and the search text the cursor was
 * given out for. Any alteration, a truncation, or a cursor of another user or another search is refused
 * ({@link CursorRefused}). Every list query is scoped to its caller anyway, so the MAC is not what keeps data
 * apart; it turns a garbled link into a clear 400 instead of a silently shifted page. The key is configuration
 * ({@code kontak.cursor.secret}), the same on every node; changing it only invalidates links already given out.
 */
@ApplicationScoped
public class PageCursors {

    public static final String DEFAULT_SECRET = "kontak-page-cursors";

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int HEADER_BYTES = 3 + 16;
    /** A sort name is at most 200 characters, so a cursor is at most ~1 KB of text. */
    private static final int MAX_TEXT = 1200;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "kontak.cursor.secret", defaultValue = DEFAULT_SECRET)
    String secret;

    public PageCursors() {
    }

    public PageCursors(String secret) {
        this.secret = secret;
    }

    /** @param text the search text of the list the cursor belongs to (blank: the unfiltered list) */
    public String encode(ContactCursor cursor, UUID user, String text) {
        byte[] key = cursor.key().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(HEADER_BYTES + key.length)
                .put(VERSION).put((byte) cursor.order().ordinal()).put((byte) cursor.tier())
                .putLong(cursor.id().getMostSignificantBits()).putLong(cursor.id().getLeastSignificantBits()).put(key);
        byte[] bytes = payload.array();
        byte[] sealed = Arrays.copyOf(bytes, bytes.length + MAC_BYTES);
        System.arraycopy(mac(bytes, user, text), 0, sealed, bytes.length, MAC_BYTES);
        return ENCODER.encodeToString(sealed);
    }

    public ContactCursor decode(String encoded, UUID user, String text) {
        byte[] sealed = bytes(encoded);
        byte[] payload = Arrays.copyOf(sealed, sealed.length - MAC_BYTES);
        if (!MessageDigest.isEqual(mac(payload, user, text), Arrays.copyOfRange(sealed, payload.length, sealed.length))) {
            throw new CursorRefused();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        if (buffer.get() != VERSION) {
            throw new CursorRefused();
        }
        int order = buffer.get();
        int tier = buffer.get();
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        if (order < 0 || order >= ContactOrder.values().length || tier < 0 || tier >= ContactCursor.TIERS) {
            throw new CursorRefused();
        }
        ContactOrder sort = ContactOrder.values()[order];
        return new ContactCursor(sort, tier, key(buffer, sort), id);
    }

    /** Only the exact text encode gives out: base64url without padding, whose unused bits are zero. */
    private static byte[] bytes(String encoded) {
        if (encoded == null || encoded.length() > MAX_TEXT) {
            throw new CursorRefused();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(encoded);
            if (sealed.length < HEADER_BYTES + MAC_BYTES || !ENCODER.encodeToString(sealed).equals(encoded)) {
                throw new CursorRefused();
            }
            return sealed;
        } catch (IllegalArgumentException notBase64) {
            throw new CursorRefused();
        }
    }

    private static String key(ByteBuffer buffer, ContactOrder order) {
        try {
            String key = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
            if (order == ContactOrder.NEWEST) {
                Instant.parse(key);
            }
            return key;
        } catch (CharacterCodingException | DateTimeParseException malformed) {
            throw new CursorRefused();
        }
    }

    private byte[] mac(byte[] payload, UUID user, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(payload);
            mac.update(ByteBuffer.allocate(16).putLong(user.getMostSignificantBits())
                    .putLong(user.getLeastSignificantBits()).array());
            mac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(text == null ? "" : text.strip())));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
