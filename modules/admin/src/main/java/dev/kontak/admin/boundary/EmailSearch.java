package dev.kontak.admin.boundary;

import java.util.Locale;

/** A case-insensitive substring of e-mail addresses as a LIKE pattern: % and _ are characters, not wildcards. */
final class EmailSearch {

    /** JPQL: the escape character of {@link #pattern}. */
    static final String ESCAPE = " ESCAPE '\\'";

    private EmailSearch() {
    }

    static String pattern(String part) {
        String escaped = part.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
