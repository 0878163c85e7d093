package dev.kontak.contacts.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user typed into the search box, as the list queries compare it: lower-cased (the columns it is compared
 * with are lower-cased by the database), with {@code %}, {@code _} and {@code \} escaped so that they match
 * themselves. A term that looks like a phone number is also compared by its digits, without leading zeros (the
 * national trunk prefix: "0812 3456" finds "+62 812-3456-7890"). Terms shorter than {@link #SUBSTRING_LENGTH}
 * match name prefixes only: trigram indexes cannot narrow them, and "e" or "an" found anywhere says little.
 */
public record SearchTerm(String text, String digits) {

    /** The shortest term searched for anywhere in name, e-mail, company or phone digits. */
    public static final int SUBSTRING_LENGTH = 3;

    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9 +().\\-/]+");

    public static SearchTerm of(String query) {
        String text = query.strip().toLowerCase(Locale.ROOT);
        String digits = "";
        if (PHONE_LIKE.matcher(text).matches()) {
            digits = text.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        }
        return new SearchTerm(text, digits.length() >= SUBSTRING_LENGTH ? digits : "");
    }

    /** No column can hold a NUL character (StorableText), so a term with one finds nothing. */
    public boolean findsNothing() {
        return text.isEmpty() || text.indexOf('\0') >= 0;
    }

    public boolean isShort() {
        return text.codePointCount(0, text.length()) < SUBSTRING_LENGTH && digits.isEmpty();
    }

    public boolean hasDigits() {
        return !digits.isEmpty();
    }

    public String prefixPattern() {
        return literal(text) + "%";
    }

    /**
     * The least text greater than every name starting with the term, in code point order (the "C" collation on
     * PostgreSQL, and Java's order on H2 for these characters), or empty when the last character has no simple
     * successor. With the term as lower bound it is a range the name index answers even under row level security,
     * where LIKE (not leakproof) could only filter.
     */
    public java.util.Optional<String> prefixUpperBound() {
        char last = text.charAt(text.length() - 1);
        if (last >= Character.MIN_SURROGATE - 1 && last <= Character.MAX_SURROGATE || last == Character.MAX_VALUE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(text.substring(0, text.length() - 1) + (char) (last + 1));
    }

    public String substringPattern() {
        return "%" + literal(text) + "%";
    }

    public String digitsPattern() {
        return "%" + digits + "%";
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
