package dev.kontak.web.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a person reads on a Kontak page, found in its HTML and unescaped. */
public final class PageText {

    private PageText() {
    }

    /** The first {@code role="alert"} message. */
    public static String alert(HttpResponse<String> page) {
        return find(page.body(), "<p role=\"alert\" class=\"alert\">([^<]*)</p>");
    }

    /** The message shown next to a form field, as signup.html and the contact forms mark it. */
    public static String fieldError(HttpResponse<String> page, String field) {
        return find(page.body(), "<p id=\"" + field + "-error\" class=\"field-error\">([^<]*)</p>");
    }

    /** The first group of the first match; fails the test where there is none. */
    public static String find(String body, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(body);
        assertTrue(matcher.find(), () -> "no " + regex + " in " + body);
        return unescape(matcher.group(1));
    }

    /** The first group of every match, in page order. */
    public static List<String> all(String body, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(body);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(unescape(matcher.group(1)));
        }
        return found;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
