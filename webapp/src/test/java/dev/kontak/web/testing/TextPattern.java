package dev.kontak.web.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A value found by a regular expression in what is not HTML (a JSON answer, a header); pages are read with {@link Page}. */
public final class TextPattern {

    private TextPattern() {
    }

    /** The first group of the first match; fails the test where there is none. */
    public static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), () -> "no " + regex + " in " + text);
        return matcher.group(1);
    }
}
