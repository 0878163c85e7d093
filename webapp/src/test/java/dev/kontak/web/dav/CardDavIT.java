package dev.kontak.web.dav;

import static dev.kontak.web.testing.ApiUsers.json;
import static dev.kontak.web.testing.ApiUsers.ok;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestDatabase.count;
import static dev.kontak.web.testing.TestDatabase.value;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ApiUsers;
import dev.kontak.web.testing.ApiUsers.User;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Vdirsyncer;
import dev.kontak.web.testing.Visitor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The address book over CardDAV as clients see it, on a real Payara Micro against PostgreSQL with row level security
 * on: a real client (vdirsyncer) syncing both ways, a revoked share leaving the member's folder at the next sync, and
 * raw WebDAV requests for each method with the status and multistatus the RFCs give.
 */
class CardDavIT {

    private static final String BOOK = "/dav/addressbooks/contacts/";

    Visitor visitor;
    ApiUsers api;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(SharedKontak.url().toURI());
        api = new ApiUsers(visitor);
    }

    @Test
    void vdirsyncerSyncsBothWaysKeepsWhatThePhoneWroteAndKontakWinsAConflict() throws Exception {
        User owner = api.signUp("syncer");
        String token = appPassword(owner);
        ok(201, api.call(owner, "POST", "/api/contacts", "{\"name\":\"Ada Lovelace\",\"email\":\"ada@sync.example\"}"));
        Vdirsyncer phone = Vdirsyncer.of(visitor.resolve(BOOK), owner.email(), token);

        phone.sync();
        Path ada = phone.cardWith("FN:Ada Lovelace");
        assertNotNull(ada, "a contact made in Kontak appears locally: " + phone.names());
        assertTrue(Files.readString(ada).contains("EMAIL:ada@sync.example"));

        phone.write("local-budi.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:local-budi\r\nFN:Budi Santoso\r\n"
                + "TEL;TYPE=CELL:0812 3456 7890\r\nX-PHONE-RINGTONE:gamelan\r\nEND:VCARD\r\n");
        Files.writeString(ada, Files.readString(ada).replace("FN:Ada Lovelace", "FN:Ada King"));
        phone.sync();
        UUID budi = (UUID) value("SELECT id FROM contacts WHERE owner_id = ? AND name = 'Budi Santoso'", owner.id());
        assertEquals("+6281234567890", value("SELECT e164 FROM contact_phones WHERE contact_id = ?", budi));
        assertEquals(1, count("SELECT COUNT(*) FROM contacts WHERE owner_id = ? AND name = 'Ada King'", owner.id()),
                "the local edit reached Kontak");
        String card = dav(owner, token, "GET", BOOK + "local-budi.vcf", null).body();
        assertTrue(card.contains("UID:local-budi") && card.contains("X-PHONE-RINGTONE:gamelan"),
                "what the phone wrote and Kontak has no field for comes back: " + card);

        ok(200, api.call(owner, "PUT", "/api/contacts/" + budi, "{\"name\":\"Budi (Kontak)\",\"phones\":"
                + "[{\"label\":\"mobile\",\"number\":\"0812 3456 7890\"}]}"));
        Path local = phone.cardWith("UID:local-budi");
        Files.writeString(local, Files.readString(local).replace("FN:Budi Santoso", "FN:Budi (phone)"));
        phone.sync();
        assertTrue(Files.readString(phone.cardWith("UID:local-budi")).contains("FN:Budi (Kontak)"),
                "both sides changed it: Kontak wins, as configured");
        assertEquals("Budi (Kontak)", value("SELECT name FROM contacts WHERE id = ?", budi));
        assertTrue(String.valueOf(value("SELECT other_properties FROM contacts WHERE id = ?", budi))
                .contains("X-PHONE-RINGTONE"), "a web edit keeps what the phone wrote");

        Files.delete(phone.cardWith("UID:local-budi"));
        phone.sync();
        assertEquals(0, count("SELECT COUNT(*) FROM contacts WHERE id = ?", budi), "the local deletion reached Kontak");
        phone.sync();
        assertEquals(1, phone.cards().size(), phone.names().toString());
        api.assertMetadataIsAFullRecompute(owner);
    }

    @Test
    void aContactUnsharedOrATeamLeftIsDeletedFromTheMembersFolderAtTheNextSync() throws Exception {
        User owner = api.signUp("sharer");
        User member = api.signUp("member");
        String team = api.teamOf(owner, member);
        for (String name : List.of("Shared Once", "Shared Longer")) {
            String id = ok(201, api.call(owner, "POST", "/api/contacts", "{\"name\":\"" + name + "\"}")).getString("id");
            ok(200, api.call(owner, "PUT", "/api/contacts/" + id + "/team", "{\"teamId\":\"" + team + "\"}"));
        }
        ok(201, api.call(member, "POST", "/api/contacts", "{\"name\":\"Of My Own\"}"));
        Vdirsyncer phone = Vdirsyncer.of(visitor.resolve(BOOK), member.email(), appPassword(member));
        phone.sync();
        assertNotNull(phone.cardWith("FN:Shared Once"), phone.names().toString());
        assertNotNull(phone.cardWith("FN:Shared Longer"));

        UUID once = (UUID) value("SELECT id FROM contacts WHERE owner_id = ? AND name = 'Shared Once'", owner.id());
        ok(200, api.call(owner, "PUT", "/api/contacts/" + once + "/team", "{\"teamId\":null}"));
        phone.sync();
        assertNull(phone.cardWith("FN:Shared Once"), "unshared: gone from the member's folder");
        assertNotNull(phone.cardWith("FN:Shared Longer"));
        assertEquals(1, count("SELECT COUNT(*) FROM contacts WHERE id = ?", once), "and still the owner's");

        assertEquals(204, api.call(owner, "DELETE", "/api/teams/" + team + "/members/" + member.id(), null).statusCode());
        phone.sync();
        assertNull(phone.cardWith("FN:Shared Longer"), "out of the team: nothing of it left");
        assertNotNull(phone.cardWith("FN:Of My Own"), "the member's own contacts stay");
        assertEquals(2, count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", owner.id()));
    }

    @Test
    void discoveryLeadsFromTheWellKnownAddressToTheOneAddressBook() throws Exception {
        User user = api.signUp("discoverer");
        String token = appPassword(user);

        HttpResponse<String> wellKnown = dav(user, token, "GET", "/.well-known/carddav", null);
        assertEquals(301, wellKnown.statusCode());
        assertEquals("/dav/", wellKnown.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> options = dav(user, token, "OPTIONS", BOOK, null);
        assertTrue(options.headers().firstValue("DAV").orElseThrow().contains("addressbook"));

        Document root = multistatus(propfind(user, token, "/dav/", "0", "<d:current-user-principal/>"));
        assertEquals("/dav/principal/", root.selectFirst("d|current-user-principal > d|href").text());
        Document principal = multistatus(propfind(user, token, "/dav/principal/", "0", "<card:addressbook-home-set/>"));
        assertEquals("/dav/addressbooks/", principal.selectFirst("card|addressbook-home-set > d|href").text());
        Document home = multistatus(propfind(user, token, "/dav/addressbooks/", "1",
                "<d:resourcetype/><d:displayname/><cs:getctag/><d:supported-report-set/>"));
        var book = home.select("d|response").stream()
                .filter(response -> response.selectFirst("d|href").text().equals(BOOK)).findFirst().orElseThrow();
        assertNotNull(book.selectFirst("d|resourcetype > card|addressbook"));
        assertEquals(String.valueOf(json(api.call(user, "GET", "/api/metadata", null)).getJsonNumber("cacheVersion")),
                book.selectFirst("cs|getctag").text(), "the ctag is the user's cache_version");
        assertNotNull(book.selectFirst("d|supported-report card|addressbook-multiget"));

        assertEquals(401, visitor.send(HttpRequest.newBuilder(visitor.resolve(BOOK))
                .method("PROPFIND", HttpRequest.BodyPublishers.noBody())).statusCode(), "no credentials");
    }

    @Test
    void cardDavSignsInWithHttpBasicOnlySetsNoCookieAndLocksOutAsTheApiDoes() {
        User user = api.signUp("davlocked");
        HttpResponse<String> answered = propfind(user, appPassword(user), BOOK, "0", "<d:getetag/>");
        assertEquals(207, answered.statusCode());
        assertTrue(answered.headers().allValues("Set-Cookie").isEmpty(), "no session: " + answered.headers());
        assertEquals(207, propfind(user, PASSWORD, BOOK, "0", "<d:getetag/>").statusCode(), "the account password too");

        for (int i = 0; i < 10; i++) {
            assertEquals(401, propfind(user, "guess number " + i, BOOK, "0", "<d:getetag/>").statusCode());
        }
        assertEquals(401, propfind(user, PASSWORD, BOOK, "0", "<d:getetag/>").statusCode(),
                "locked, as after ten failed sign-ins anywhere");
    }

    @Test
    void eachMethodAnswersAsTheRfcsSayAndARefusalWritesNothing() throws Exception {
        User owner = api.signUp("davowner");
        User member = api.signUp("davmember");
        String team = api.teamOf(owner, member);
        String token = appPassword(owner);
        String card = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:raw-1\r\nFN:Raden Ajeng\r\nEMAIL:ajeng@raw.example\r\nEND:VCARD\r\n";

        assertEquals(201, put(owner, token, "raw-1.vcf", card, "If-None-Match", "*").statusCode());
        assertEquals(412, put(owner, token, "raw-1.vcf", card, "If-None-Match", "*").statusCode(), "it is there");
        HttpResponse<String> read = dav(owner, token, "GET", BOOK + "raw-1.vcf", null);
        assertEquals(200, read.statusCode());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertTrue(read.body().contains("FN:Raden Ajeng"));
        UUID id = (UUID) value("SELECT id FROM contacts WHERE owner_id = ? AND dav_name = 'raw-1.vcf'", owner.id());

        String renamed = card.replace("FN:Raden Ajeng", "FN:Raden Ajeng Kartini");
        assertEquals(412, put(owner, token, "raw-1.vcf", renamed, "If-Match", "\"999\"").statusCode());
        assertEquals("Raden Ajeng", value("SELECT name FROM contacts WHERE id = ?", id), "a stale If-Match writes nothing");
        assertEquals(204, put(owner, token, "raw-1.vcf", renamed, "If-Match", etag).statusCode());
        assertEquals("Raden Ajeng Kartini", value("SELECT name FROM contacts WHERE id = ?", id));

        Document listed = multistatus(propfind(owner, token, BOOK, "1", "<d:getetag/><d:getcontenttype/>"));
        assertEquals(2, listed.select("d|response").size(), "the book and its card");
        String multiget = "<?xml version=\"1.0\"?><card:addressbook-multiget xmlns:d=\"DAV:\" "
                + "xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:prop><d:getetag/><card:address-data/></d:prop>"
                + "<d:href>" + BOOK + "raw-1.vcf</d:href><d:href>" + BOOK + "nobody.vcf</d:href></card:addressbook-multiget>";
        Document got = multistatus(dav(owner, token, "REPORT", BOOK, multiget));
        assertTrue(got.selectFirst("card|address-data").text().contains("Raden Ajeng Kartini"));
        assertEquals("HTTP/1.1 404 Not Found", got.select("d|response").get(1).selectFirst("d|status").text());

        String query = "<?xml version=\"1.0\"?><card:addressbook-query xmlns:d=\"DAV:\" "
                + "xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:prop><d:getetag/></d:prop><card:filter test=\"anyof\">"
                + "<card:prop-filter name=\"EMAIL\"><card:text-match match-type=\"equals\">AJENG@raw.example"
                + "</card:text-match></card:prop-filter></card:filter></card:addressbook-query>";
        assertEquals(List.of(BOOK + "raw-1.vcf"), multistatus(dav(owner, token, "REPORT", BOOK, query))
                .select("d|response > d|href").eachText(), "found by its e-mail, whatever its case");
        assertTrue(multistatus(dav(owner, token, "REPORT", BOOK, query.replace("AJENG@", "nobody@")))
                .select("d|response").isEmpty());

        ok(200, api.call(owner, "PUT", "/api/contacts/" + id + "/team", "{\"teamId\":\"" + team + "\"}"));
        HttpResponse<String> refused = dav(member, appPassword(member), "DELETE", BOOK + "raw-1.vcf", null);
        assertEquals(403, refused.statusCode());
        assertEquals("Only the owner can delete this contact.", refused.body());
        assertEquals(1, count("SELECT COUNT(*) FROM contacts WHERE id = ?", id));

        String current = dav(owner, token, "GET", BOOK + "raw-1.vcf", null).headers().firstValue("ETag").orElseThrow();
        assertEquals(412, dav(owner, token, "DELETE", BOOK + "raw-1.vcf", null, "If-Match", etag).statusCode());
        assertEquals(204, dav(owner, token, "DELETE", BOOK + "raw-1.vcf", null, "If-Match", current).statusCode());
        assertEquals(404, dav(owner, token, "GET", BOOK + "raw-1.vcf", null).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM contacts WHERE id = ?", id));
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(member);
    }

    @Test
    void syncCollectionAnswersWhatChangedOrLeftSinceAToken() throws Exception {
        User owner = api.signUp("tokenowner");
        User member = api.signUp("tokenmember");
        String team = api.teamOf(owner, member);
        String ownerToken = appPassword(owner);
        String memberToken = appPassword(member);
        String kept = ok(201, api.call(owner, "POST", "/api/contacts", "{\"name\":\"Kept Shared\"}")).getString("id");
        String unshared = ok(201, api.call(owner, "POST", "/api/contacts", "{\"name\":\"Soon Unshared\"}")).getString("id");
        for (String id : List.of(kept, unshared)) {
            ok(200, api.call(owner, "PUT", "/api/contacts/" + id + "/team", "{\"teamId\":\"" + team + "\"}"));
        }
        assertEquals(201, put(member, memberToken, "mine.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:mine\r\n"
                + "FN:Mine Alone\r\nEND:VCARD\r\n").statusCode());

        Document first = multistatus(sync(member, memberToken, "", "<d:getetag/>"));
        assertEquals(List.of(BOOK + kept + ".vcf", BOOK + "mine.vcf", BOOK + unshared + ".vcf").stream().sorted().toList(),
                first.select("d|response > d|href").eachText().stream().sorted().toList(), "the whole book at first");
        String token = first.selectFirst("d|multistatus > d|sync-token").text();
        assertEquals(token, multistatus(propfind(member, memberToken, BOOK, "0", "<d:sync-token/>"))
                .selectFirst("d|sync-token").text(), "the book's sync-token property is the same token");
        assertTrue(multistatus(sync(member, memberToken, token, "<d:getetag/>")).select("d|response").isEmpty(),
                "nothing changed since");

        ok(200, api.call(owner, "PUT", "/api/contacts/" + kept, "{\"name\":\"Kept, Renamed\"}"));
        ok(200, api.call(owner, "PUT", "/api/contacts/" + unshared + "/team", "{\"teamId\":null}"));
        assertEquals(204, dav(member, memberToken, "DELETE", BOOK + "mine.vcf", null).statusCode());
        Document since = multistatus(sync(member, memberToken, token, "<d:getetag/><card:address-data/>"));
        var changed = since.select("d|response").stream()
                .filter(response -> response.selectFirst("d|href").text().equals(BOOK + kept + ".vcf")).findFirst()
                .orElseThrow();
        assertTrue(changed.selectFirst("card|address-data").text().contains("FN:Kept\\, Renamed"),
                changed.toString());
        List<String> gone = since.select("d|response").stream()
                .filter(response -> response.children().stream().anyMatch(child -> child.tagName().equals("d:status")))
                .map(response -> response.selectFirst("d|href").text()).sorted().toList();
        assertEquals(List.of(BOOK + "mine.vcf", BOOK + unshared + ".vcf").stream().sorted().toList(), gone,
                "unshared and deleted: gone, under the names the client knows");
        String next = since.selectFirst("d|multistatus > d|sync-token").text();
        assertFalse(next.equals(token));

        HttpResponse<String> unknown = sync(member, memberToken, "urn:kontak:sync:999999999", "<d:getetag/>");
        assertEquals(403, unknown.statusCode());
        assertTrue(unknown.body().contains("valid-sync-token"));
        assertEquals(403, sync(member, memberToken, "http://elsewhere.example/token", "<d:getetag/>").statusCode());
        assertEquals(2, multistatus(sync(owner, ownerToken, "", "<d:getetag/>")).select("d|response").size(),
                "the owner's book: both contacts, the unshared one still theirs");

        try (Connection db = TestDatabase.connect(); PreparedStatement drift = db.prepareStatement(
                "DELETE FROM user_contact_access WHERE user_id = ? AND contact_id = ?")) {
            drift.setObject(1, member.id());
            drift.setObject(2, UUID.fromString(kept));
            assertEquals(1, drift.executeUpdate());
        }
        ok(200, api.call(member, "POST", "/api/metadata/refresh", null));
        assertEquals(403, sync(member, memberToken, next, "<d:getetag/>").statusCode(),
                "a recompute corrected what the log never saw: the client must sync the whole book again");
        assertEquals(List.of(BOOK + kept + ".vcf"), multistatus(sync(member, memberToken, "", "<d:getetag/>"))
                .select("d|response > d|href").eachText(), "which it can: the contact shared with it is back");
    }

    @Test
    void changesOlderThanTheSyncWindowArePrunedAndATokenFromBeforeThemIsNoLongerAnswered() throws Exception {
        User user = api.signUp("pruned");
        String token = appPassword(user);
        String before = multistatus(sync(user, token, "", "<d:getetag/>")).selectFirst("d|multistatus > d|sync-token")
                .text();
        ok(201, api.call(user, "POST", "/api/contacts", "{\"name\":\"Long Ago\"}"));
        String after = multistatus(sync(user, token, before, "<d:getetag/>")).selectFirst("d|multistatus > d|sync-token")
                .text();
        try (Connection db = TestDatabase.connect(); PreparedStatement age = db.prepareStatement(
                "UPDATE address_book_changes SET changed_at = changed_at - INTERVAL '31 days' WHERE user_id = ?")) {
            age.setObject(1, user.id());
            assertEquals(1, age.executeUpdate(), "the contact's creation is logged");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM address_book_changes "
                + "WHERE user_id = ?", user.id()) == 0);
        assertEquals(403, sync(user, token, before, "<d:getetag/>").statusCode(), "older than the window: resync");
        assertTrue(multistatus(sync(user, token, after, "<d:getetag/>")).select("d|response").isEmpty(),
                "a token from after the pruned changes still answers");
    }

    @Test
    void whatKontakDoesNotSupportOrCannotReadIsAnsweredAndWritesNothing() throws Exception {
        User user = api.signUp("davhostile");
        String token = appPassword(user);
        long before = count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", user.id());

        String query = "<?xml version=\"1.0\"?><card:addressbook-query xmlns:d=\"DAV:\" "
                + "xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:prop><d:getetag/></d:prop></card:addressbook-query>";
        HttpResponse<String> report = dav(user, token, "REPORT", "/dav/principal/", query);
        assertEquals(403, report.statusCode());
        assertTrue(report.body().contains("supported-report"));
        HttpResponse<String> entity = dav(user, token, "PROPFIND", BOOK, "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x "
                + "SYSTEM \"file:///etc/passwd\">]><d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname>&x;</d:displayname>"
                + "</d:prop></d:propfind>", "Depth", "0");
        assertEquals(400, entity.statusCode());
        assertFalse(entity.body().contains("root:"), "no file is read");
        HttpResponse<String> infinite = propfind(user, token, BOOK, "infinity", "<d:getetag/>");
        assertEquals(403, infinite.statusCode());
        assertTrue(infinite.body().contains("propfind-finite-depth"));
        HttpResponse<String> mkcol = dav(user, token, "MKCOL", "/dav/addressbooks/other/", null);
        assertEquals(405, mkcol.statusCode());
        assertTrue(mkcol.headers().firstValue("Allow").orElseThrow().contains("PROPFIND"));
        assertEquals(415, dav(user, token, "PUT", BOOK + "x.vcf", "{\"name\":\"json\"}", "Content-Type",
                "application/json").statusCode());
        assertEquals(400, put(user, token, "x.vcf", "not a card").statusCode());
        assertEquals(400, put(user, token, "x.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n").statusCode(),
                "a card with no name");
        assertEquals(404, dav(user, token, "DELETE", BOOK + "nothing.vcf", null).statusCode());
        assertEquals(404, propfind(user, token, BOOK + "nothing.vcf", "0", "<d:getetag/>").statusCode());
        assertEquals(before, count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", user.id()));
    }

    private HttpResponse<String> sync(User user, String token, String syncToken, String properties) {
        return dav(user, token, "REPORT", BOOK, "<?xml version=\"1.0\"?><d:sync-collection xmlns:d=\"DAV:\" "
                + "xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:sync-token>" + syncToken + "</d:sync-token>"
                + "<d:sync-level>1</d:sync-level><d:prop>" + properties + "</d:prop></d:sync-collection>");
    }

    private HttpResponse<String> propfind(User user, String token, String path, String depth, String properties) {
        return dav(user, token, "PROPFIND", path, "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\" "
                + "xmlns:card=\"urn:ietf:params:xml:ns:carddav\" xmlns:cs=\"http://calendarserver.org/ns/\"><d:prop>"
                + properties + "</d:prop></d:propfind>", "Depth", depth);
    }

    /** A PUT of a card as text/vcard, with these headers besides. */
    private HttpResponse<String> put(User user, String token, String name, String card, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "text/vcard; charset=utf-8"));
        all.addAll(List.of(headers));
        return dav(user, token, "PUT", BOOK + name, card, all.toArray(String[]::new));
    }

    private HttpResponse<String> dav(User user, String token, String method, String path, String body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(visitor.resolve(path))
                .header("Authorization", Visitor.basic(user.email(), token))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return visitor.send(request);
    }

    private static Document multistatus(HttpResponse<String> answer) {
        assertEquals(207, answer.statusCode(), answer.body());
        return Jsoup.parse(answer.body(), "", Parser.xmlParser());
    }

    private String appPassword(User user) {
        return ok(201, api.call(user, "POST", "/api/app-passwords", "{\"name\":\"phone\"}")).getString("token");
    }
}
