package dev.kontak.web.imports;

import static dev.kontak.web.testing.ApiUsers.json;
import static dev.kontak.web.testing.ApiUsers.ok;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ApiUsers;
import dev.kontak.web.testing.ApiUsers.User;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports through the API as a client sees them (202, status, rows, report, undo) and what they leave in PostgreSQL
 * with row level security on: every field of every card, the owner's and a teammate's metadata equal to a full
 * recompute, matches skipped or merged, undo that leaves what was changed since, and refusals that write nothing.
 */
class ImportApiIT {

    private static final String PHONE_EXPORT = """
            BEGIN:VCARD
            VERSION:3.0
            N:Lovelace;Ada;Augusta;;
            FN:Ada Lovelace
            ORG:Analytical Engines;Research
            TITLE:Programmer
            item1.EMAIL;type=INTERNET;type=WORK;type=pref:ada@engines.example
            EMAIL;type=INTERNET;type=HOME:ada@home.example
            TEL;type=CELL;type=VOICE;type=pref:+62 812-3456-7890
            TEL;type=WORK;type=VOICE:(021) 555 0100
            item2.ADR;type=HOME;type=pref:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom
            BDAY:1815-12-10
            NOTE:Wrote the first program.
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Charles Babbage
            N:Babbage;Charles;;;
            EMAIL;type=INTERNET:charles@engines.example
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:;;;;
            NOTE:a card with nothing to call it by
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Ada again
            EMAIL;type=INTERNET:ADA@engines.example
            END:VCARD
            """;

    Visitor visitor;
    ApiUsers api;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(SharedKontak.url().toURI());
        api = new ApiUsers(visitor);
    }

    @Test
    void aPhonesExportIsImportedInTheBackgroundWithEveryFieldAndItsReport() throws SQLException {
        User owner = api.signUp("importer");

        HttpResponse<String> started = importFile(owner, "text/vcard", PHONE_EXPORT, "");

        assertEquals(202, started.statusCode(), started.body());
        String id = json(started).getString("id");
        assertTrue(started.headers().firstValue("Location").orElseThrow().endsWith("/api/imports/" + id));
        JsonObject done = finished(owner, id);
        assertEquals("completed", done.getString("status"));
        assertEquals(List.of(4, 4, 2, 0, 1, 1), List.of(done.getInt("total"), done.getInt("done"),
                done.getInt("created"), done.getInt("updated"), done.getInt("skipped"), done.getInt("failed")));
        Map<Integer, JsonObject> rows = rowsByLine(done);
        assertEquals(List.of(1, 15, 21, 26), List.copyOf(rows.keySet()), "each row names the line its card begins");
        assertEquals("created", rows.get(1).getString("outcome"));
        assertEquals("failed", rows.get(21).getString("outcome"));
        assertTrue(rows.get(21).getString("reason").contains("name"), rows.get(21).toString());
        assertEquals("skipped", rows.get(26).getString("outcome"), "the same e-mail as line 1, whatever its case");
        assertEquals("Same e-mail or phone as line 1.", rows.get(26).getString("reason"));

        String ada = rows.get(1).getString("contactId");
        JsonObject card = ok(200, api.call(owner, "GET", "/api/contacts/" + ada, null));
        assertEquals("Ada Lovelace", card.getString("name"));
        assertEquals(List.of("ada@engines.example", "ada@home.example"), values(card, "emails", "address"));
        assertEquals(List.of("+6281234567890", "+62215550100"), values(card, "phones", "e164"));
        assertEquals("London", card.getJsonArray("addresses").getJsonObject(0).getString("locality"));
        assertEquals("1815-12-10", card.getString("birthday"));
        assertEquals("Analytical Engines", card.getString("organization"));
        assertEquals("Research", card.getString("department"));
        assertEquals("Programmer", card.getString("title"));
        assertEquals("Wrote the first program.", card.getString("notes"));
        api.assertMetadataIsAFullRecompute(owner);
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contact_import_files WHERE import_id = ?",
                UUID.fromString(id)), "the file is deleted once imported");

        HttpResponse<String> report = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/imports/" + id
                + "/report.csv")).header("Authorization", Visitor.basic(owner.email(), PASSWORD)).GET());
        assertEquals(200, report.statusCode());
        List<String> lines = report.body().lines().toList();
        assertEquals("line,outcome,reason,contact_id,undo", lines.get(0));
        assertTrue(lines.get(1).startsWith("1,created,,"), lines.get(1));
        assertEquals("26,skipped,Same e-mail or phone as line 1.," + ada + ",", lines.get(4));

        User stranger = api.signUp("stranger");
        assertEquals(404, api.call(stranger, "GET", "/api/imports/" + id, null).statusCode(), "nobody else's");
        assertEquals(404, api.call(stranger, "POST", "/api/imports/" + id + "/undo", null).statusCode());
    }

    @Test
    void aReimportUpdatesTheMatchesAndUndoRestoresThemUnlessChangedSinceWithTheTeamsMetadataTrue() throws SQLException {
        User owner = api.signUp("reimport");
        User teammate = api.signUp("teammate");
        String team = api.teamOf(owner, teammate);
        String first = finished(owner, startedId(owner, "text/vcard", PHONE_EXPORT, "")).getString("id");
        String ada = contactIdAt(owner, first, 1);
        String charles = contactIdAt(owner, first, 15);
        ok(200, api.call(owner, "PUT", "/api/contacts/" + ada + "/team", "{\"teamId\":\"" + team + "\"}"));
        JsonObject adaBefore = ok(200, api.call(owner, "GET", "/api/contacts/" + ada, null));
        String update = """
                BEGIN:VCARD
                VERSION:4.0
                FN:Ada King
                EMAIL:ada@engines.example
                EMAIL;TYPE=work:countess@lovelace.example
                TITLE:Countess
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                FN:Charles Babbage
                EMAIL:charles@engines.example
                TITLE:Inventor
                END:VCARD
                BEGIN:VCARD
                VERSION:4.0
                FN:Mary Somerville
                TEL:+62 811 000 111
                END:VCARD
                """;

        JsonObject second = finished(owner, startedId(owner, "text/vcard", update, "?onMatch=update"));

        assertEquals(List.of(1, 2, 0), List.of(second.getInt("created"), second.getInt("updated"), second.getInt("failed")));
        JsonObject merged = ok(200, api.call(owner, "GET", "/api/contacts/" + ada, null));
        assertEquals("Ada King", merged.getString("name"));
        assertEquals("Countess", merged.getString("title"));
        assertEquals(List.of("ada@engines.example", "ada@home.example", "countess@lovelace.example"),
                values(merged, "emails", "address"), "nothing the contact had is lost");
        assertEquals("Analytical Engines", merged.getString("organization"));
        assertEquals("Countess", ok(200, api.call(teammate, "GET", "/api/contacts/" + ada, null)).getString("title"));
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(teammate);
        ok(200, api.call(owner, "PUT", "/api/contacts/" + charles, "{\"name\":\"Charles B.\"}"));

        JsonObject undone = undo(owner, second.getString("id"));

        assertEquals("undone", undone.getString("status"));
        assertEquals(1, undone.getInt("undoLeft"));
        JsonObject adaAfter = ok(200, api.call(owner, "GET", "/api/contacts/" + ada, null));
        for (String field : List.of("name", "nameParts", "emails", "phones", "addresses", "organization", "department",
                "title", "birthday", "notes", "teamId")) {
            assertEquals(adaBefore.get(field), adaAfter.get(field), field + " restored as it was");
        }
        assertEquals("Charles B.", ok(200, api.call(owner, "GET", "/api/contacts/" + charles, null)).getString("name"),
                "changed since: left");
        JsonObject charlesRow = rowsByLine(undone).values().stream()
                .filter(row -> charles.equals(row.getString("contactId", null))).findFirst().orElseThrow();
        assertEquals("It was changed since.", charlesRow.getString("undoLeft"));
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", owner.id()),
                "Mary, whom the import created, is gone");
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(teammate);
        assertEquals(409, api.call(owner, "POST", "/api/imports/" + second.getString("id") + "/undo", null).statusCode());
    }

    @Test
    void googleContactsCsvKeepsEveryValueOfACellAndAPlainCsvTakesAMapping() throws SQLException {
        User owner = api.signUp("csv");
        String google = "Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
                + "Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\r\n"
                + "Grace Hopper,Grace,Hopper,* myContacts ::: Navy,* Work,grace@navy.example ::: grace@home.example,"
                + "Mobile,+1 202 555 0175,US Navy,Rear Admiral\r\n";

        JsonObject imported = finished(owner, startedId(owner, "text/csv", google, ""));

        assertEquals(1, imported.getInt("created"));
        JsonObject grace = ok(200, api.call(owner, "GET", "/api/contacts/" + contactIdAt(owner, imported.getString("id"), 2), null));
        assertEquals(List.of("grace@navy.example", "grace@home.example"), values(grace, "emails", "address"));
        assertEquals(List.of("Navy"), grace.getJsonArray("labels").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals("Rear Admiral", grace.getString("title"));

        String plain = "A;B;C;D\r\nAlan Turing;alan@bletchley.example;+44 20 7946 0018;x\r\n";
        HttpResponse<String> unmapped = importFile(owner, "text/csv; charset=utf-8", plain, "?onMatch=create");
        HttpResponse<String> badMapping = importFile(owner, "text/csv", plain, "?columns=" + encode("name,email"));
        JsonObject mapped = finished(owner, startedId(owner, "text/csv", plain,
                "?columns=" + encode("name,email:work,phone:mobile,-")));

        assertEquals(400, unmapped.statusCode(), unmapped.body());
        assertEquals(400, badMapping.statusCode(), badMapping.body());
        assertEquals(1, mapped.getInt("created"));
        JsonObject alan = ok(200, api.call(owner, "GET", "/api/contacts/" + contactIdAt(owner, mapped.getString("id"), 2), null));
        assertEquals("Alan Turing", alan.getString("name"));
        assertEquals("work", alan.getJsonArray("emails").getJsonObject(0).getString("label"));
        assertEquals("+442079460018", alan.getJsonArray("phones").getJsonObject(0).getString("e164"));
        api.assertMetadataIsAFullRecompute(owner);
    }

    @Test
    void aFileThatIsNotWhatItsTypeSaysIsRefusedNamingItsLineAndWritesNothing() throws SQLException {
        User owner = api.signUp("refused");

        HttpResponse<String> notVCard = importFile(owner, "text/vcard", "BEGIN:VCARD\nFN:Ada\nEND:VCARD\nhello\n", "");
        HttpResponse<String> wrongType = importFile(owner, "application/pdf", "%PDF-1.7", "");
        HttpResponse<String> badChoice = importFile(owner, "text/vcard", PHONE_EXPORT, "?onMatch=merge");
        HttpResponse<String> empty = importFile(owner, "text/vcard", "", "");

        assertEquals(400, notVCard.statusCode(), notVCard.body());
        assertTrue(json(notVCard).getString("error").contains("Line 4"), notVCard.body());
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertEquals(400, badChoice.statusCode(), badChoice.body());
        assertEquals("onMatch must be skip, update or create.", json(badChoice).getString("error"));
        assertEquals(400, empty.statusCode(), empty.body());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contact_imports WHERE owner_id = ?", owner.id()));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", owner.id()));
        assertEquals(400, api.call(owner, "GET", "/api/imports/not-an-id", null).statusCode());
        assertEquals(404, api.call(owner, "GET", "/api/imports/" + UUID.randomUUID(), null).statusCode());
    }

    @Test
    void oneImportPerUserRunsAtATimeAndACancelledOneKeepsWhatItImportedUntilUndone() throws SQLException {
        User owner = api.signUp("busy");
        String many = IntStream.range(0, 3000).mapToObj(i -> "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person " + i
                + "\r\nEMAIL:person" + i + "@many.example\r\nTEL:+62 812 7000 " + String.format("%04d", i)
                + "\r\nEND:VCARD\r\n").collect(Collectors.joining());
        String id = startedId(owner, "text/vcard", many, "");

        HttpResponse<String> second = importFile(owner, "text/vcard", PHONE_EXPORT, "");
        HttpResponse<String> cancelled = api.call(owner, "POST", "/api/imports/" + id + "/cancel", null);

        assertEquals(409, second.statusCode(), second.body());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        JsonObject ended = finished(owner, id);
        assertEquals("cancelled", ended.getString("status"));
        int created = ended.getInt("created");
        assertTrue(created < 3000, "stopped after the batch in hand: " + created);
        assertEquals(created, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", owner.id()),
                "every batch whole or not at all");
        assertEquals(created, TestDatabase.count("SELECT COUNT(*) FROM contact_import_rows WHERE import_id = ?",
                UUID.fromString(id)));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contact_import_files WHERE import_id = ?",
                UUID.fromString(id)), "a cancelled import's file is deleted");
        api.assertMetadataIsAFullRecompute(owner);

        JsonObject undone = undo(owner, id);

        assertEquals("undone", undone.getString("status"));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", owner.id()));
        api.assertMetadataIsAFullRecompute(owner);
    }

    private JsonObject undo(User owner, String id) {
        HttpResponse<String> started = api.call(owner, "POST", "/api/imports/" + id + "/undo", null);
        assertEquals(202, started.statusCode(), started.body());
        return finished(owner, id);
    }

    private JsonObject finished(User owner, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !"running"
                .equals(ok(200, api.call(owner, "GET", "/api/imports/" + id, null)).getString("status")));
        return ok(200, api.call(owner, "GET", "/api/imports/" + id + "?limit=1000", null));
    }

    private String contactIdAt(User owner, String id, int line) {
        return rowsByLine(finished(owner, id)).get(line).getString("contactId");
    }

    private static Map<Integer, JsonObject> rowsByLine(JsonObject status) {
        return status.getJsonArray("rows").getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                row -> row.getInt("line"), row -> row, (a, b) -> a, java.util.TreeMap::new));
    }

    private static List<String> values(JsonObject card, String list, String field) {
        return card.getJsonArray(list).getValuesAs(JsonObject.class).stream().map(value -> value.getString(field)).toList();
    }

    private String startedId(User owner, String type, String file, String query) {
        HttpResponse<String> started = importFile(owner, type, file, query);
        assertEquals(202, started.statusCode(), started.body());
        return json(started).getString("id");
    }

    private HttpResponse<String> importFile(User owner, String type, String file, String query) {
        return visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/imports" + query))
                .header("Authorization", Visitor.basic(owner.email(), PASSWORD)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
