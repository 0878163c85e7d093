package dev.kontak.carddav.boundary;

import java.util.Optional;

/**
 * A sync-collection token (RFC 6578): the user's cache_version, which grows whenever anything in their address book,
 * or who may see it, changes. Written as a URI, as the RFC asks.
 */
public record SyncToken(long version) {

    private static final String PREFIX = "urn:kontak:sync:";

    /** @return empty for text that is no token of Kontak's */
    public static Optional<SyncToken> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SyncToken(Long.parseLong(text.substring(PREFIX.length()))));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return PREFIX + version;
    }
}
