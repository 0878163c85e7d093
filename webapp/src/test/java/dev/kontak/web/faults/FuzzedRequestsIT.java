package dev.kontak.web.faults;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ApiUsers;
import dev.kontak.web.testing.ApiUsers.User;
import dev.kontak.web.testing.Page;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;

/**
 * Requests generated from the real shapes of Kontak's API bodies, query parameters, page forms, headers, import
 * files and CardDAV bodies, then mutated (wrong types, huge numbers, long and odd Unicode, NUL, invalid UTF-8,
 * duplicate keys, cut-off bodies, missing or wrong CSRF tokens): never a 5xx, never a stack trace, and nothing
 * written when the answer is 4xx (the user's rows, counted and summed before and after). The client speaks HTTP/1.1,
 * as browsers do over plain HTTP. How many requests each
 * property sends is {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; the benchmark sets
 * it higher with {@code -Djqwik.tries.default=...}).
 */
class FuzzedRequestsIT {

    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|Caused by");

    private static Visitor visitor;
    private static Visitor browser;
    private static User user;
    private static String contact;
    private static String team;
    private static String appPassword;

    /** One generated request. */
    record Call(String method, String path, Map<String, String> headers, byte[] body, boolean signedIn) {

        @Override
        public String toString() {
            Map<String, String> shortHeaders = new LinkedHashMap<>();
            headers.forEach((name, value) -> shortHeaders.put(name, shortened(value)));
            return method + " " + shortened(path) + " " + shortHeaders + " " + shortened(new String(body,
                    StandardCharsets.UTF_8));
        }
    }

    @BeforeContainer
    static void signUp() throws Exception {
        visitor = Visitor.overHttp11(SharedKontak.url().toURI());
        ApiUsers api = new ApiUsers(visitor);
        user = api.signUp("fuzzed");
        contact = ApiUsers.ok(201, api.call(user, "POST", "/api/contacts", "{\"name\":\"Fuzz Target\"}")).getString("id");
        team = ApiUsers.ok(201, api.call(user, "POST", "/api/teams", "{\"name\":\"Fuzzers\"}")).getString("id");
        appPassword = ApiUsers.ok(201, api.call(user, "POST", "/api/app-passwords", "{\"name\":\"fuzz\"}"))
                .getString("token");
        browser = Visitor.overHttp11(SharedKontak.url().toURI());
        signIn();
    }

    @Property
    void apiBodiesAreAnsweredCleanly(@ForAll("apiWrites") Call call) throws SQLException {
        answeredCleanly(call);
    }

    @Property
    void queryParametersAreAnsweredCleanly(@ForAll("queries") Call call) throws SQLException {
        answeredCleanly(call);
    }

    @Property
    void pageFormsAreAnsweredCleanly(@ForAll("forms") Call call) throws SQLException {
        answeredCleanly(call);
    }

    @Property
    void oddHeadersAreAnsweredCleanly(@ForAll("headers") Call call) throws SQLException {
        answeredCleanly(call);
    }

    /** Found at 2,000 tries: Jersey read the quality of a Content-Type while choosing the method, and failed. */
    @Example
    void aContentTypeWithAQualityBeyondOneIsRefusedAndWritesNothing() throws SQLException {
        Map<String, String> headers = new LinkedHashMap<>(basic());
        headers.put("Content-Type", "*/*;q=1e400");
        HttpResponse<String> answer = answeredCleanly(new Call("POST", "/api/contacts", headers,
                "{\"name\":\"Header test\"}".getBytes(StandardCharsets.UTF_8), false));
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Content-Type"), answer.body());
    }

    @Property
    void davBodiesAreAnsweredCleanly(@ForAll("davBodies") Call call) throws SQLException {
        answeredCleanly(call);
    }

    /** A file the import accepts is imported to its end, its bad rows reported one by one; never a 5xx or a hang. */
    @Property(tries = 40)
    void importFilesEndWithAReport(@ForAll("importFiles") Call call) throws SQLException {
        HttpResponse<String> answer = answeredCleanly(call);
        if (answer.statusCode() == 202) {
            String id = field(answer.body(), "id");
            Awaitility.await("import " + id + " ends").atMost(Duration.ofSeconds(30)).until(() -> {
                HttpResponse<String> status = visitor.getJson("/api/imports/" + id, user.email(), PASSWORD);
                assertEquals(200, status.statusCode(), status.body());
                return !"running".equals(field(status.body(), "status"));
            });
        }
    }

    /**
     * 50 MB of garbage sent each way in ends within the limits: 413 (or 400 where 50 MB is allowed, as for an import,
     * and the garbage is no file of its kind), or the connection closed once the server stopped reading past its
     * limit, never a hang; nothing is written, and the server answers the next request.
     */
    @Example
    void fiftyMegabytesOfGarbageEndWithinTheLimits() throws SQLException {
        byte[] garbage = new byte[50 * 1024 * 1024];
        new Random(50).nextBytes(garbage);
        Map<String, String> json = new LinkedHashMap<>(basic());
        json.put("Content-Type", "application/json");
        Map<String, String> card = new LinkedHashMap<>(davOrApiAuth("/dav"));
        card.put("Content-Type", "text/vcard");
        for (Call call : List.of(new Call("POST", "/api/imports", Map.of("Authorization", basic().get("Authorization"),
                        "Content-Type", "text/vcard"), garbage, false),
                new Call("POST", "/api/contacts", json, garbage, false),
                new Call("PUT", "/dav/addressbooks/contacts/garbage.vcf", card, garbage, false),
                new Call("POST", "/contacts/new", Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "X-Fuzz-Csrf", "valid"), garbage, true))) {
            String before = rowsOf(user);
            try {
                HttpResponse<String> answer = send(call);
                assertTrue(answer.statusCode() == 413 || answer.statusCode() == 400, call.method() + " " + call.path()
                        + ": " + answer.statusCode() + " " + shortened(answer.body()));
            } catch (UncheckedIOException closed) {
                assertFalse(closed.getCause() instanceof HttpTimeoutException, "no answer in 30 s: " + call.path());
            }
            assertEquals(before, rowsOf(user), "nothing written by " + call.path());
            assertEquals(200, visitor.get("/health/live").statusCode());
        }
    }

    // ---- what is sent

    @Provide
    Arbitrary<Call> apiWrites() {
        Arbitrary<String> id = Arbitraries.of(contact, "00000000-0000-0000-0000-000000000000", "not-an-id", "%00",
                "1e400", "..%2F..%2Fetc");
        return Arbitraries.oneOf(
                api("POST", Arbitraries.just("/api/contacts"), contactShape()),
                api("PUT", id.map(c -> "/api/contacts/" + c), contactShape()),
                api("POST", id.map(c -> "/api/contacts/" + c + "/activities"), activityShape()),
                api("PUT", id.map(c -> "/api/contacts/" + c + "/team"), shape(Map.of("teamId", ids()))),
                api("POST", Arbitraries.just("/api/teams"), shape(Map.of("name", text()))),
                api("POST", Arbitraries.just("/api/teams/" + team + "/members"), shape(Map.of("email", emails()))),
                api("POST", Arbitraries.just("/api/contacts/bulk"), shape(Map.of("action",
                        Arbitraries.of("\"label\"", "\"unlabel\"", "\"share\"", "\"zap\""), "ids",
                        ids().list().ofMaxSize(5).map(FuzzedRequestsIT::array), "label", text(), "q", text()))),
                api("POST", Arbitraries.just("/api/contacts/merge"), shape(Map.of("keep", ids(), "merge",
                        ids().list().ofMaxSize(3).map(FuzzedRequestsIT::array), "fields", shape(Map.of("name", text()))
                                .map(b -> new String(b, StandardCharsets.UTF_8))))),
                api("POST", Arbitraries.just("/api/signup"), shape(Map.of("email", emails(), "password", text(),
                        "displayName", text()))),
                api("POST", Arbitraries.just("/api/app-passwords"), shape(Map.of("name", text()))),
                api("DELETE", id.map(c -> "/api/contacts/" + c + "x"), Arbitraries.just(new byte[0])));
    }

    @Provide
    Arbitrary<Call> queries() {
        Arbitrary<String> path = Arbitraries.of("/api/contacts", "/api/contacts/export", "/api/duplicates",
                "/api/metadata/cache-validity", "/api/metadata/stale", "/api/contacts/" + contact + "/activities",
                "/contacts", "/contacts/duplicates", "/contacts/export", "/contacts/merge", "/contacts/" + contact,
                "/contacts/" + contact + "/state", "/admin/metadata", "/teams");
        Arbitrary<String> name = Arbitraries.of("q", "sort", "after", "before", "page", "size", "label", "format",
                "id", "version", "maxAge", "a", "b", "filedUnder", "q[]", "");
        Arbitrary<String> parameters = Combinators.combine(name, parameterValues()).as((n, v) -> encode(n) + "=" + v)
                .list().ofMaxSize(6).map(list -> String.join("&", list));
        return Combinators.combine(path, parameters).as((p, q) -> p.startsWith("/api")
                ? new Call("GET", p + "?" + q, basic(), new byte[0], false)
                : new Call("GET", p + "?" + q, Map.of(), new byte[0], true));
    }

    @Provide
    Arbitrary<Call> forms() {
        Arbitrary<String> path = Arbitraries.of("/contacts/new", "/contacts/" + contact + "/edit",
                "/contacts/" + contact + "/activities", "/contacts/" + contact + "/share", "/contacts/bulk",
                "/contacts/merge", "/teams", "/login", "/signup", "/account/app-passwords", "/contacts/not-an-id/edit");
        Arbitrary<String> field = Arbitraries.of("name", "email", "phone", "company", "notes", "type", "occurredAt",
                "summary", "teamId", "action", "ids", "label", "keep", "merge", "password", "displayName", "version",
                "emails[0].address", "phones[0].number", "birthday", "givenName", "familyName", "favourite", "x");
        Arbitrary<String> fields = Combinators.combine(field, parameterValues()).as((f, v) -> encode(f) + "=" + v)
                .list().ofMaxSize(8).map(list -> String.join("&", list));
        Arbitrary<String> token = Arbitraries.of("valid", "valid", "none", "wrong");
        return Combinators.combine(path, fields, token).as((p, f, t) -> new Call("POST", p,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Fuzz-Csrf", t),
                f.getBytes(StandardCharsets.UTF_8), true));
    }

    @Provide
    Arbitrary<Call> headers() {
        Arbitrary<String> name = Arbitraries.of("Accept-Language", "Accept", "If-None-Match", "If-Modified-Since",
                "Content-Type", "Authorization", "Cookie", "Range", "Origin", "Referer", "X-Forwarded-For",
                "Depth", "Destination", "If-Match", "Accept-Encoding", "User-Agent");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200),
                Arbitraries.of("Basic ", "Basic ====", "Basic " + "A".repeat(5000), "Digest x", "*/*;q=1e400",
                        "id-ID;q=-1, *;q=NaN", "JSESSIONID=\"; --", "bytes=0-99999999999999999999", "W/\"\"",
                        "application/json; charset=klingon", "multipart/form-data", "Mon, 32 Foo 99999 25:61:61 GMT",
                        "infinity", "-1"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(8_000).ofMaxLength(20_000));
        Arbitrary<String> path = Arbitraries.of("/api/contacts", "/api/me", "/contacts", "/contacts/" + contact,
                "/dav/addressbooks/contacts/", "/login", "/api/contacts/" + contact + "/photo");
        return Combinators.combine(path, name, value, Arbitraries.of("GET", "POST", "PUT", "PROPFIND", "OPTIONS"))
                .as((p, n, v, m) -> {
                    Map<String, String> headers = new LinkedHashMap<>(p.startsWith("/api") || p.startsWith("/dav")
                            ? davOrApiAuth(p) : Map.of());
                    headers.put(n, v);
                    return new Call(m, p, headers, "{\"name\":\"Header test\"}".getBytes(StandardCharsets.UTF_8),
                            !p.startsWith("/api") && !p.startsWith("/dav"));
                });
    }

    @Provide
    Arbitrary<Call> davBodies() {
        Arbitrary<String> path = Arbitraries.of("/dav/", "/dav/principal/", "/dav/addressbooks/",
                "/dav/addressbooks/contacts/", "/dav/addressbooks/contacts/" + contact + ".vcf",
                "/dav/addressbooks/contacts/%00.vcf", "/dav/addressbooks/other/");
        Arbitrary<String> method = Arbitraries.of("PROPFIND", "REPORT", "PUT", "DELETE", "MKCOL", "PROPPATCH", "GET");
        Arbitrary<String> depth = Arbitraries.of("0", "1", "infinity", "2", "-1", "");
        return Combinators.combine(method, path, depth, davXml(), vcard()).as((m, p, d, xml, card) -> {
            Map<String, String> headers = new LinkedHashMap<>(davOrApiAuth(p));
            headers.put("Content-Type", m.equals("PUT") ? "text/vcard" : "application/xml; charset=utf-8");
            if (!d.isEmpty()) {
                headers.put("Depth", d);
            }
            return new Call(m, p, headers, m.equals("PUT") ? card : xml, false);
        });
    }

    @Provide
    Arbitrary<Call> importFiles() {
        return Combinators.combine(Arbitraries.oneOf(vcard(), csv(), garbage()),
                Arbitraries.of("text/vcard", "text/csv", "text/x-vcard", "application/octet-stream", "image/png",
                        "text/csv; charset=utf-16"),
                Arbitraries.of("", "?onMatch=merge", "?onMatch=skip", "?onMatch=%00", "?format=vcf", "?fileName=%C3%28"))
                .as((body, type, query) -> new Call("POST", "/api/imports" + query,
                        Map.of("Authorization", Visitor.basic(user.email(), PASSWORD), "Content-Type", type), body,
                        false));
    }

    // ---- shapes and mutations

    private Arbitrary<Call> api(String method, Arbitrary<String> path, Arbitrary<byte[]> body) {
        Arbitrary<String> type = Arbitraries.of("application/json", "application/json", "application/json",
                "text/plain", "application/json; charset=latin1", "application/x-www-form-urlencoded");
        return Combinators.combine(path, body, type).as((p, b, t) -> {
            Map<String, String> headers = new LinkedHashMap<>(basic());
            headers.put("Content-Type", t);
            return new Call(method, p, headers, b, false);
        });
    }

    private static Arbitrary<byte[]> contactShape() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("name", text());
        fields.put("nickname", text());
        fields.put("email", emails());
        fields.put("phone", Arbitraries.oneOf(quoted(Arbitraries.of("+62 812-3456-7890", "0812", "++++", "12" + "3".repeat(60))), text()));
        fields.put("company", text());
        fields.put("notes", text());
        fields.put("birthday", dates());
        fields.put("anniversary", dates());
        fields.put("favourite", Arbitraries.of("true", "false", "\"yes\"", "1", "null"));
        fields.put("labels", text().list().ofMaxSize(4).map(FuzzedRequestsIT::array));
        fields.put("emails", shape(Map.of("label", text(), "address", emails())).map(FuzzedRequestsIT::text)
                .list().ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]"));
        fields.put("phones", shape(Map.of("label", text(), "number", text())).map(FuzzedRequestsIT::text)
                .list().ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]"));
        fields.put("nameParts", shape(Map.of("given", text(), "family", text())).map(FuzzedRequestsIT::text));
        fields.put("version", numbers());
        return shape(fields);
    }

    private static Arbitrary<byte[]> activityShape() {
        return shape(Map.of("type", quoted(Arbitraries.of("CALL", "EMAIL", "MEETING", "NOTE", "call", "FAX", "")),
                "occurredAt", dates(), "summary", text(), "details", text()));
    }

    /** A JSON object of these fields (each value already JSON), then mutated as a whole. */
    private static Arbitrary<byte[]> shape(Map<String, Arbitrary<String>> fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add(Arbitraries.oneOf(value, wrongTypes())
                .map(v -> "\"" + name + "\":" + v).injectNull(0.2)));
        return Combinators.combine(members).as(list -> "{" + String.join(",", list.stream()
                        .filter(m -> m != null).toList()) + "}")
                .flatMap(json -> mutated(json));
    }

    private static Arbitrary<byte[]> mutated(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(bytes)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, Math.max(0, bytes.length - 1))
                        .map(cut -> java.util.Arrays.copyOf(bytes, cut))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(duplicateKeys(json))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, bytes.length).map(at -> insert(bytes, at,
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0}))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("[]", "42", "null", "", "\"text\"", "{\"a\":" .repeat(400))
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(insert(bytes, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))));
    }

    private static byte[] duplicateKeys(String json) {
        Matcher first = Pattern.compile("\"([^\"]+)\":").matcher(json);
        return (first.find() ? json.replaceFirst("\\{", "{\"" + first.group(1) + "\":\"again\",") : json)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Arbitrary<String> text() {
        return quoted(Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(' ', '-', '\'').ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("", " ", "\u0000", "a\u0000b", "\u202Eevil", "\uD83D\uDE00\u200D\uD83D\uDE00", "e\u0301",
                        "\uFEFF", "<script>alert(1)</script>", "'; DROP TABLE contacts; --", "\\u0000", "%00",
                        "\uD800", "\uDFFF\uD800", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(300).ofMaxLength(20_000)));
    }

    private static Arbitrary<String> quoted(Arbitrary<String> raw) {
        return raw.map(FuzzedRequestsIT::json);
    }

    private static Arbitrary<String> emails() {
        return Arbitraries.oneOf(quoted(Arbitraries.of("a@b.example", "no-at-sign", "@", "a@", "x@" + "y".repeat(400)
                + ".example", "\u00fc@\u00fc.example", "a@b@c")), text());
    }

    private static Arbitrary<String> dates() {
        return quoted(Arbitraries.of("2026-11-26T10:00:00Z", "2026-02-30", "--12-10", "1815-12-10", "99999-01-01",
                "2026-11-26T25:00:00Z", "yesterday", "", "2026-13-01T00:00:00+25:00", "0000-00-00"));
    }

    private static Arbitrary<String> ids() {
        return quoted(Arbitraries.of(team, contact, "00000000-0000-0000-0000-000000000000", "x", "", "\u0000"));
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.of("0", "-1", "1e400", "99999999999999999999999999", "-0", "3.14", "NaN", "\"7\"");
    }

    private static Arbitrary<String> wrongTypes() {
        return Arbitraries.of("null", "true", "1e400", "-99999999999999999999", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]",
                "{\"nested\":{\"deeper\":[1,2,{\"x\":null}]}}", "\"\"");
    }

    private static Arbitrary<String> parameterValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).map(FuzzedRequestsIT::encode),
                Arbitraries.of("", "-1", "0", "99999999999999999999", "1e400", "NaN", "%00", "%C3%28", "%FF%FE",
                        "%E2%80%AE", "name", "-name", "updated", "vcf", "csv", "json", contact, "2026-11-26T10:00:00Z",
                        "%25", "%2525", "a%2B", "%2e%2e%2f"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1_000).ofMaxLength(6_000));
    }

    private static Arbitrary<byte[]> davXml() {
        Arbitrary<String> element = Arbitraries.of("<d:getetag/>", "<d:displayname/>", "<card:address-data/>",
                "<d:sync-token/>", "<d:resourcetype/>", "<x:unknown xmlns:x=\"urn:x\"/>", "<d:prop/>", "");
        Arbitrary<String> report = Arbitraries.of(
                "<card:addressbook-multiget xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:prop>%s</d:prop><d:href>/dav/addressbooks/contacts/%s.vcf</d:href></card:addressbook-multiget>",
                "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level><d:prop>%s</d:prop></d:sync-collection>",
                "<card:addressbook-query xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:prop>%s</d:prop><card:filter><card:prop-filter name=\"%s\"/></card:filter></card:addressbook-query>",
                "<d:propfind xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:prop>%s%s</d:prop></d:propfind>",
                "<d:propfind xmlns:d=\"DAV:\"><d:allprop/>%s%s</d:propfind>");
        Arbitrary<String> xml = Combinators.combine(report, element, Arbitraries.oneOf(
                Arbitraries.of(contact, "urn:kontak:sync:1", "urn:kontak:sync:-1", "urn:x", "", "FN", "../../etc"),
                Arbitraries.strings().all().ofMaxLength(30).map(s -> s.replace("<", "&lt;").replace("&", "&amp;"))))
                .as((r, e, v) -> r.formatted(r.indexOf("%s") < r.indexOf("<d:prop>") ? v : e, v));
        return xml.flatMap(body -> Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"xx\">"
                        + "<!ENTITY y \"&x;&x;&x;&x;\">]>" + body.replace("<d:prop>", "<d:prop>&y;"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("<d:propfind xmlns:d=\"DAV:\">" + "<d:prop>".repeat(200)
                        + "</d:propfind>")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(body.substring(0, body.length() / 2))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("not xml at all { }")))
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .flatMap(bytes -> Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.just(bytes)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(insert(bytes, bytes.length / 2,
                                new byte[] {(byte) 0xC0, (byte) 0xAF, 0}))))));
    }

    private static Arbitrary<byte[]> vcard() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("FN:Ada Lovelace", "N:Lovelace;Ada;;;", "EMAIL;TYPE=work:ada@example.org",
                        "TEL;TYPE=cell:+62 812 3456 7890", "BDAY:1815-12-10", "BDAY:not a date", "PHOTO;ENCODING=b:AAAA",
                        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ" + "A".repeat(3_000), "X-UNKNOWN;PARAM=\"x\":y",
                        "ADR;TYPE=home:;;12 Street;Town;;123;ID", "NOTE:line one\\nline two", " folded continuation",
                        "VERSION:3.0", "VERSION:9.9", "ORG:Org;Dept", ":", ";;;", "FN", "END:VCARD", "BEGIN:VCARD",
                        "item1.EMAIL:a@b", "UID:" + "u".repeat(500), "N:" + ";".repeat(300)),
                Arbitraries.strings().all().ofMaxLength(60).map(s -> "NOTE:" + s));
        return line.list().ofMaxSize(25).map(lines -> ("BEGIN:VCARD\r\nVERSION:3.0\r\n" + String.join("\r\n", lines)
                + "\r\nEND:VCARD\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<byte[]> csv() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(12),
                Arbitraries.of("\"unclosed", "\"a\"\"b\"", "=cmd|' /C calc'!A0", "", "\u0000", "+62 812", "a@b.example",
                        "1815-12-10", "x".repeat(2_000)),
                Arbitraries.strings().all().ofMaxLength(20));
        Arbitrary<List<List<String>>> rows = cell.list().ofMaxSize(8).list().ofMaxSize(30);
        Arbitrary<String> header = Arbitraries.of("Name,E-mail Address,Phone", "First Name,Last Name,Mobile Phone",
                "name;email;phone", "", "\uFEFFName,Email", "a,a,a,a");
        return Combinators.combine(header, rows, Arbitraries.of(",", ";", "\t"), Arbitraries.of("\n", "\r\n", "\r"))
                .as((h, cells, separator, newline) -> (h + "\n" + String.join(newline, cells.stream()
                        .map(row -> String.join(separator, row)).toList())).getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<byte[]> garbage() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(20_000);
    }

    // ---- sending and judging

    private static HttpResponse<String> answeredCleanly(Call call) throws SQLException {
        String before = rowsOf(user);
        HttpResponse<String> answer = send(call);
        int status = answer.statusCode();
        assertTrue(status < 500, status + " for " + call + ":\n" + answer.body());
        assertFalse(STACK_TRACE.matcher(answer.body()).find(), "a stack trace for " + call + ":\n" + answer.body());
        if (status >= 400) {
            assertEquals(before, rowsOf(user), status + " yet something was written for " + call);
        }
        return answer;
    }

    private static HttpResponse<String> send(Call call) {
        Visitor from = call.signedIn() ? browser : visitor;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(from.resolve("/") + call.path().substring(1)))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body().length == 0 && call.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(withToken(call)));
        call.headers().forEach((name, value) -> {
            if (!name.equals("X-Fuzz-Csrf")) {
                request.header(name, value);
            }
        });
        return from.send(request);
    }

    /** A form post carries the browser's CSRF token, none, or a wrong one, as the call says. */
    private static byte[] withToken(Call call) {
        String token = call.headers().get("X-Fuzz-Csrf");
        if (token == null || token.equals("none")) {
            return call.body();
        }
        String value = token.equals("valid") ? csrfToken() : "0".repeat(43);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("_csrf=" + value + (call.body().length > 0 ? "&" : "")).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(call.body());
        return body.toByteArray();
    }

    /** The signed-in browser's token; a generated post may have signed it out (a failed sign-in), so it signs in again. */
    private static String csrfToken() {
        Element token = Page.of(browser.get("/contacts/new")).selectFirst("input[name=_csrf]");
        if (token == null) {
            signIn();
            token = Page.of(browser.get("/contacts/new")).expectFirst("input[name=_csrf]");
        }
        return token.val();
    }

    private static void signIn() {
        browser.get("/login");
        assertEquals(303, browser.submit("/login", Map.of("email", user.email(), "password", PASSWORD)).statusCode());
    }

    /** Everything the user has, as one text: counts of their rows and a digest of their contacts and activities. */
    private static String rowsOf(User owner) throws SQLException {
        return String.valueOf(TestDatabase.value("""
                SELECT concat_ws('/',
                  (SELECT count(*) FROM contacts WHERE owner_id = ?),
                  (SELECT md5(coalesce(string_agg(c::text, ',' ORDER BY c.id), '')) FROM contacts c WHERE owner_id = ?),
                  (SELECT md5(coalesce(string_agg(a::text, ',' ORDER BY a.id), '')) FROM activities a WHERE author_id = ?),
                  (SELECT count(*) FROM team_members WHERE user_id = ?),
                  (SELECT count(*) FROM teams WHERE created_by = ?),
                  (SELECT count(*) FROM contact_imports WHERE owner_id = ?),
                  (SELECT count(*) FROM app_passwords WHERE account_id = ?),
                  (SELECT count(*) FROM users))""", owner.id(), owner.id(), owner.id(), owner.id(), owner.id(),
                owner.id(), owner.id()));
    }

    private static Map<String, String> basic() {
        return Map.of("Authorization", Visitor.basic(user.email(), PASSWORD));
    }

    private static Map<String, String> davOrApiAuth(String path) {
        return Map.of("Authorization", path.startsWith("/dav")
                ? Visitor.basic(user.email(), appPassword) : Visitor.basic(user.email(), PASSWORD));
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(value.find(), json);
        return value.group(1);
    }

    private static String shortened(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "… (" + text.length() + " characters)" : text;
    }

    private static String array(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static String json(String raw) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> quoted.append(c < 0x20 ? "\\u" + HexFormat.of().toHexDigits((short) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }

    private static String encode(String raw) {
        return java.net.URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] into, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(into, 0, at);
        out.writeBytes(what);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }
}
