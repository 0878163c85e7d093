package dev.kontak.carddav.boundary;

/**
 * What a PUT or DELETE asks of the card it writes (RFC 7232): nothing, that there is none yet
 * ({@code If-None-Match: *}), or that it is at a version ({@code If-Match: "7"}; a tag that is no version of ours
 * never matches).
 *
 * @param version the version If-Match names, or -1 for a tag that is not ours
 */
public record Precondition(boolean mustBeNew, boolean mustExist, long version) {

    public static final Precondition NONE = new Precondition(false, false, -1);

    public static Precondition of(String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
            return new Precondition(true, false, -1);
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return NONE;
        }
        if (ifMatch.strip().equals("*")) {
            return new Precondition(false, true, -1);
        }
        String tag = ifMatch.strip();
        try {
            return new Precondition(false, true, Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException | IndexOutOfBoundsException notOurs) {
            return new Precondition(false, true, Long.MIN_VALUE);
        }
    }

    /** Whether a card at this version (null for none) may be written. */
    boolean holdsFor(Long current) {
        if (mustBeNew) {
            return current == null;
        }
        if (!mustExist) {
            return true;
        }
        return current != null && (version == -1 || version == current);
    }
}
