package dev.kontak.contacts.boundary;

/** How many contacts a search found, counted up to a limit: {@code exact} is false when there are more. */
public record MatchCount(long value, boolean exact) {
}
