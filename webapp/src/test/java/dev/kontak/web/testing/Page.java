package dev.kontak.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * A Kontak page as a person reads it: the answer's HTML parsed by jsoup (links resolve against the page's address),
 * and the few things tests read on most pages. Selectors that fail to match fail the test.
 */
public final class Page {

    private Page() {
    }

    public static Document of(HttpResponse<String> answer) {
        return Jsoup.parse(answer.body(), answer.uri().toString());
    }

    /** The text of the first element {@code css} selects. */
    public static String text(HttpResponse<String> answer, String css) {
        return of(answer).expectFirst(css).text();
    }

    /** The text of every element {@code css} selects, in page order; an element without text gives "". */
    public static List<String> texts(HttpResponse<String> answer, String css) {
        return of(answer).select(css).stream().map(Element::text).toList();
    }

    /** The first {@code role="alert"} message, as a screen reader announces it. */
    public static String alert(HttpResponse<String> answer) {
        return text(answer, "[role=alert]");
    }

    /** The message shown under a form field, as signup.html and the other forms mark it. */
    public static String fieldError(HttpResponse<String> answer, String field) {
        return text(answer, "#" + field + "-error.field-error");
    }

    /** The value of the first input or textarea named {@code name}: what the form shows, and sends. */
    public static String value(HttpResponse<String> answer, String name) {
        return of(answer).expectFirst("input[name=" + name + "], textarea[name=" + name + "]").val();
    }

    /**
     * What a browser sends for the POST form {@code css} selects as the page shows it, in page order: every named
     * input (ticked boxes only) and textarea, the CSRF token left out ({@link Visitor#submit} adds its own), with the
     * values {@code changed} gives: its keys name a field the way the page's ids do, {@code "email"} the first input
     * named email and {@code "email-1"} the second.
     */
    public static List<Map.Entry<String, String>> formFields(HttpResponse<String> answer, String css,
            Map<String, String> changed) {
        Map<String, Integer> seen = new HashMap<>();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element field : of(answer).expectFirst(css).select("input[name], textarea[name]")) {
            String name = field.attr("name");
            boolean box = field.attr("type").equals("checkbox");
            if (name.equals("_csrf") || (box && !field.hasAttr("checked"))) {
                continue;
            }
            int index = seen.merge(name, 1, Integer::sum) - 1;
            String key = index == 0 ? name : name + "-" + index;
            fields.add(Map.entry(name, changed.getOrDefault(key, box ? "on" : field.val())));
        }
        return fields;
    }

    /**
     * Every POST form carries one CSRF token, the same on the whole page; GET forms (search) carry none, or it would
     * end up in URLs and logs. Returns the POST forms.
     */
    public static Elements assertFormsCarryTheToken(Document page) {
        Elements posts = page.select("form[method=post]");
        assertFalse(posts.isEmpty(), "no POST form");
        for (Element form : posts) {
            Elements tokens = form.select("input[type=hidden][name=_csrf]");
            assertEquals(1, tokens.size(), () -> form.outerHtml());
            assertFalse(tokens.val().isBlank(), () -> form.outerHtml());
        }
        assertEquals(1, posts.select("input[name=_csrf]").eachAttr("value").stream().distinct().count(),
                "one token for the session");
        assertEquals(List.of(), page.select("form:not([method=post]) input[name=_csrf]").eachAttr("value"),
                "GET forms carry no token");
        return posts;
    }
}
