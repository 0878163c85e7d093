package dev.kontak.web.imports;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An address book exported from one account and imported into an empty one comes back field for field, as vCard
 * 4.0, 3.0 and as CSV in Google's layout; and the CSV opens safely in a spreadsheet.
 */
class ExportImportRoundTripIT {

    /** What the card holds, as the API shows it; ids, owners, versions and times are the new account's own. */
    private static final List<String> FIELDS = List.of("name", "nameParts", "nickname", "emails", "phones", "addresses",
            "urls", "organization", "department", "title", "birthday", "anniversary", "labels", "favourite", "notes");

    private static final List<String> CARDS = List.of("""
            {"name": "Dr. Ada Lovelace", "nameParts": {"prefix": "Dr.", "given": "Ada", "additional": "Augusta",
             "family": "Lovelace", "suffix": "PhD"}, "nickname": "Countess",
             "emails": [{"label": "work", "address": "ada@engines.example"}, {"label": "home", "address": "ada@home.example"}],
             "phones": [{"label": "mobile", "number": "0812-3456-7890"}, {"label": "work", "number": "+44 20 7946 0018"}],
             "addresses": [{"label": "home", "street": "12 St James's Square", "locality": "London",
               "postalCode": "SW1Y 4JH", "country": "United Kingdom"},
               {"label": "work", "street": "Jl. Merdeka 12", "locality": "Jakarta", "region": "DKI Jakarta",
               "postalCode": "10110", "country": "Indonesia"}],
             "urls": [{"label": "blog", "url": "https://ada.example/notes"}],
             "organization": "Analytical Engines", "department": "Research", "title": "Programmer",
             "birthday": "1815-12-10", "anniversary": "--07-08", "labels": ["family", "vip"], "favourite": true,
             "notes": "Wrote the first program.\\nSecond line, with \\"quotes\\", commas; and semicolons."}""", """
            {"name": "Budi", "phones": [{"number": "0813 5555 6666"}], "birthday": "--04-15"}""", """
            {"name": "Formula Fan", "emails": [{"address": "fan@sheet.example"}], "notes": "=HYPERLINK(\\"http://evil.example\\")"}""");

    Visitor visitor;

    @ParameterizedTest
    @ValueSource(strings = {"vcard", "vcard3", "csv"})
    void anAddressBookExportedAndImportedIntoAnEmptyAccountComesBackFieldForField(String format) throws Exception {
        visitor = new Visitor(SharedKontak.url().toURI());
        String from = signUp("from-" + format);
        for (String card : CARDS) {
            assertEquals(201, visitor.sendJson("POST", "/api/contacts", card, from, PASSWORD).statusCode());
        }
        HttpResponse<String> exported = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export?format="
                + format)).header("Authorization", Visitor.basic(from, PASSWORD)).GET());
        assertEquals(200, exported.statusCode(), exported.body());
        String to = signUp("to-" + format);

        HttpResponse<String> started = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/imports"))
                .header("Authorization", Visitor.basic(to, PASSWORD))
                .header("Content-Type", format.equals("csv") ? "text/csv" : "text/vcard")
                .POST(HttpRequest.BodyPublishers.ofString(exported.body(), StandardCharsets.UTF_8)));
        assertEquals(202, started.statusCode(), started.body());
        String id = json(started.body()).getString("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !"running".equals(
                json(visitor.getJson("/api/imports/" + id, to, PASSWORD).body()).getString("status")));
        JsonObject imported = json(visitor.getJson("/api/imports/" + id, to, PASSWORD).body());
        assertEquals(List.of("completed", 3, 0), List.of(imported.getString("status"), imported.getInt("created"),
                imported.getInt("failed")), imported.toString());

        assertEquals(cards(from), cards(to), "every field of every contact");
    }

    @Test
    void theCsvExportHasGooglesHeadingsAndKeepsFormulasFromSpreadsheets() throws Exception {
        visitor = new Visitor(SharedKontak.url().toURI());
        String owner = signUp("csv-export");
        for (String card : CARDS) {
            visitor.sendJson("POST", "/api/contacts", card, owner, PASSWORD);
        }

        HttpResponse<String> csv = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export?format=csv"))
                .header("Authorization", Visitor.basic(owner, PASSWORD)).GET());

        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("attachment; filename=\"kontak-contacts.csv\"", csv.headers().firstValue("Content-Disposition").orElseThrow());
        String headings = csv.body().lines().findFirst().orElseThrow();
        assertTrue(headings.startsWith("First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Nickname,File As,"
                + "Organization Name,Organization Title,Organization Department,Birthday,Notes,Labels,"
                + "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
                + "Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Street"), headings);
        assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), "a formula is kept from spreadsheets");
        assertTrue(csv.body().contains(",mobile,0812-3456-7890,"), "a phone number is not");
        assertTrue(csv.body().contains("* myContacts ::: * starred ::: family ::: vip"));
    }

    /** The caller's contacts by name, each with the fields a card holds. */
    private Map<String, Map<String, JsonValue>> cards(String user) {
        JsonArray items = json(visitor.getJson("/api/contacts?limit=100", user, PASSWORD).body()).getJsonArray("items");
        Map<String, Map<String, JsonValue>> cards = new TreeMap<>();
        for (JsonObject summary : items.getValuesAs(JsonObject.class)) {
            JsonObject card = json(visitor.getJson("/api/contacts/" + summary.getString("id"), user, PASSWORD).body());
            Map<String, JsonValue> fields = new TreeMap<>();
            FIELDS.forEach(field -> fields.put(field, card.getOrDefault(field, JsonValue.NULL)));
            cards.put(card.getString("name"), fields);
        }
        assertEquals(CARDS.size(), cards.size());
        return cards;
    }

    private String signUp(String who) {
        String email = uniqueEmail(who);
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + who + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return email;
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

}
