package dev.kontak.auth.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of an app password: {@value #PREFIX} and 32 random bytes from {@link SecureRandom} in base64url
 * (43 characters, no padding), 50 characters in all. The prefix lets people, logs scanners and secret scanners
 * recognise one; the shape lets HTTP Basic tell it from an account password without a look-up.
 *
 * <p>Stored as its plain SHA-256, not as a salted PBKDF2 hash like account passwords: those are stretched because
 * people choose guessable passwords, and a slow hash makes each guess expensive. A token has 256 bits of entropy,
 * so there is nothing to guess and no dictionary to precompute; one SHA-256 is as hard to reverse as the token is to
 * guess, and it lets a request find its row through a unique index in one look-up (PBKDF2 with a salt could not be
 * looked up at all, only checked row by row, and costs 142 ms a check).
 */
public record AppToken(String text) {

    public static final String PREFIX = "kontak_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public AppToken {
        if (!SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("Not an app password");
        }
    }

    public static AppToken generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new AppToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token a client sent, if it has the shape of one (a look-up decides whether it is anyone's). */
    public static Optional<AppToken> parse(String presented) {
        return presented != null && SHAPE.matcher(presented).matches()
                ? Optional.of(new AppToken(presented))
                : Optional.empty();
    }

    /** What the app_passwords row keeps: 64 lower-case hex digits. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /** Never the secret itself, should a token ever reach a log line or an exception message. */
    @Override
    public String toString() {
        return "AppToken[" + PREFIX + "…]";
    }
}
