package dev.kontak.web.duplicates;

import static dev.kontak.web.testing.ApiUsers.json;
import static dev.kontak.web.testing.ApiUsers.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ApiUsers;
import dev.kontak.web.testing.ApiUsers.User;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk actions through {@code POST /api/contacts/bulk} as a client sees them and as PostgreSQL (row level security
 * on) holds them: labels added and removed, sharing and unsharing, deleting, on the contacts chosen or all that a
 * search finds; what the caller may not do is listed with the reason and the rest done, the owner's and the
 * teammate's metadata equal to a full recompute; a request that says no action writes nothing; and the chosen
 * contacts exported.
 */
class BulkApiIT {

    Visitor visitor;
    ApiUsers api;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(SharedKontak.url().toURI());
        api = new ApiUsers(visitor);
    }

    @Test
    void labelsShareAndDeleteWhatTheCallerMayAndListTheRestWithEveryonesMetadataTrue() throws SQLException {
        User owner = api.signUp("bulk");
        User teammate = api.signUp("teammate");
        String team = api.teamOf(owner, teammate);
        String budi = create(owner, "Budi Santoso");
        String siti = create(owner, "Siti Rahayu");
        String ahmad = create(owner, "Ahmad Wijaya");
        String theirs = create(teammate, "Dewi Lestari");
        ok(200, api.call(teammate, "PUT", "/api/contacts/" + theirs + "/team", "{\"teamId\":\"" + team + "\"}"));
        String strangers = create(api.signUp("stranger"), "Not Yours");

        JsonObject labelled = bulk(owner, "{\"action\":\"add-label\",\"label\":\"klien\",\"ids\":[" + ids(budi, siti, theirs)
                + "]}");
        assertEquals(3, labelled.getInt("done"), "a teammate's shared contact may be edited");
        assertEquals(List.of("\"klien\""), labelsOf(owner, theirs));
        assertEquals(List.of(), labelsOf(owner, ahmad));

        JsonObject filed = ok(200, api.call(owner, "GET", "/api/contacts?label=klien&sort=name", null));
        assertEquals(List.of("Budi Santoso", "Dewi Lestari", "Siti Rahayu"), filed.getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(item -> item.getString("name")).toList());
        assertEquals(3, filed.getInt("total"));
        assertEquals(List.of("Siti Rahayu"), ok(200, api.call(owner, "GET", "/api/contacts?label=klien&q=siti", null))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(item -> item.getString("name")).toList());
        assertEquals(3L, visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export?label=klien"))
                .header("Authorization", Visitor.basic(owner.email(), TestAccounts.PASSWORD)).GET()).body().lines()
                .filter(line -> line.startsWith("FN:")).count(), "the export takes the label filter");
        JsonObject vip = bulk(owner, "{\"action\":\"add-label\",\"label\":\"vip\",\"all\":true,\"filedUnder\":\"klien\","
                + "\"q\":\"budi\"}");
        assertEquals(1, vip.getInt("done"), "all that match the search among those filed under klien");

        JsonObject shared = bulk(owner, "{\"action\":\"share\",\"teamId\":\"" + team + "\",\"ids\":["
                + ids(budi, siti, theirs, strangers) + "]}");
        assertEquals(2, shared.getInt("done"));
        assertEquals(Set.of(theirs, strangers), Set.copyOf(leftIds(shared)));
        assertEquals("Only the owner can share this contact.", reasonOf(shared, theirs));
        assertEquals("Access denied: Contact not found in your authorized list.", reasonOf(shared, strangers));
        String teammates = ok(200, api.call(teammate, "GET", "/api/metadata", null)).getJsonArray("contactIds").toString();
        assertTrue(teammates.contains(budi) && teammates.contains(siti) && !teammates.contains(ahmad), teammates);
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(teammate);

        JsonObject unshared = bulk(owner, "{\"action\":\"unshare\",\"all\":true,\"q\":\"siti\"}");
        assertEquals(1, unshared.getInt("done"), "all that the search finds: Siti");
        assertFalse(ok(200, api.call(teammate, "GET", "/api/metadata", null)).getJsonArray("contactIds").toString()
                .contains(siti));
        JsonObject unlabelled = bulk(owner, "{\"action\":\"remove-label\",\"label\":\"klien\",\"all\":true}");
        assertEquals(4, unlabelled.getInt("done"), "every contact the owner may access");
        assertEquals(List.of("\"vip\""), labelsOf(owner, budi));

        JsonObject deleted = bulk(owner, "{\"action\":\"delete\",\"ids\":[" + ids(ahmad, budi, theirs) + "]}");
        assertEquals(2, deleted.getInt("done"));
        assertEquals("Only the owner can delete this contact.", reasonOf(deleted, theirs));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE id IN (?, ?)", UUID.fromString(ahmad),
                UUID.fromString(budi)));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE id = ?", UUID.fromString(theirs)));
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(teammate);
    }

    @Test
    void aContactTheMetadataGrantsAndTheDataDoesNotIsLeftUntouchedAndTheRefusalRecorded() throws SQLException {
        User owner = api.signUp("drifted");
        String own = create(owner, "Budi Santoso");
        String strangers = create(api.signUp("stranger"), "Not Yours");
        UUID foreign = UUID.fromString(strangers);
        TestDatabase.value("INSERT INTO user_contact_access (user_id, contact_id) VALUES (?, ?) RETURNING user_id",
                owner.id(), foreign); // a drifted access row: the metadata says yes, the data says no

        JsonObject labelled = bulk(owner, "{\"action\":\"add-label\",\"label\":\"mine\",\"ids\":[" + ids(own, strangers)
                + "]}");

        assertEquals(1, labelled.getInt("done"));
        assertEquals("Access denied: Contact not found in your authorized list.", reasonOf(labelled, strangers));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contact_labels WHERE contact_id = ?", foreign));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM access_refusals WHERE user_id = ? AND contact_id = ? "
                + "AND operation = 'EDIT'", owner.id(), foreign));
    }

    @Test
    void aRequestThatSaysNoActionIsAnsweredOnItsFieldAndWritesNothing() throws SQLException {
        User owner = api.signUp("careless");
        User outsider = api.signUp("outsider");
        String team = api.teamOf(outsider, api.signUp("member"));
        String contact = create(owner, "Budi Santoso");
        long version = TestDatabase.count("SELECT version FROM contacts WHERE id = ?", UUID.fromString(contact));

        assertInvalid(api.call(owner, "POST", "/api/contacts/bulk", "{\"action\":\"paint\",\"ids\":[" + ids(contact) + "]}"),
                "action");
        assertInvalid(api.call(owner, "POST", "/api/contacts/bulk", "{\"action\":\"delete\",\"ids\":[]}"), "ids");
        assertInvalid(api.call(owner, "POST", "/api/contacts/bulk", "{\"action\":\"delete\",\"ids\":[\"x\"]}"), "ids[0]");
        assertInvalid(api.call(owner, "POST", "/api/contacts/bulk", "{\"action\":\"add-label\",\"label\":\" \",\"ids\":["
                + ids(contact) + "]}"), "label");
        assertInvalid(api.call(owner, "POST", "/api/contacts/bulk", "{\"action\":\"share\",\"ids\":[" + ids(contact) + "]}"),
                "teamId");
        assertInvalid(api.call(owner, "POST", "/api/contacts/bulk", "{\"action\":\"delete\",\"all\":true,\"q\":\"zzzz\"}"),
                "ids");
        HttpResponse<String> notMine = api.call(owner, "POST", "/api/contacts/bulk", "{\"action\":\"share\",\"teamId\":\""
                + team + "\",\"ids\":[" + ids(contact) + "]}");
        assertEquals(403, notMine.statusCode(), notMine.body());
        assertEquals("You can share a contact only with a team you belong to.", json(notMine).getString("error"));
        assertEquals(400, api.call(owner, "POST", "/api/contacts/bulk", null).statusCode());

        assertEquals(version, TestDatabase.count("SELECT version FROM contacts WHERE id = ?", UUID.fromString(contact)));
    }

    @Test
    void theChosenContactsAreExported() {
        User owner = api.signUp("exporter");
        String budi = create(owner, "Budi Santoso");
        create(owner, "Siti Rahayu");
        String ahmad = create(owner, "Ahmad Wijaya");

        HttpResponse<String> file = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export?id=" + budi
                + "&id=" + ahmad)).header("Authorization", Visitor.basic(owner.email(), TestAccounts.PASSWORD)).GET());

        assertEquals(200, file.statusCode());
        assertEquals(List.of("FN:Ahmad Wijaya", "FN:Budi Santoso"), file.body().lines().filter(line -> line.startsWith("FN:"))
                .sorted().toList());
        assertEquals(400, visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export?id=nope"))
                .header("Authorization", Visitor.basic(owner.email(), TestAccounts.PASSWORD)).GET()).statusCode());
    }

    private JsonObject bulk(User user, String body) {
        return ok(200, api.call(user, "POST", "/api/contacts/bulk", body));
    }

    private List<String> labelsOf(User user, String contact) {
        return ok(200, api.call(user, "GET", "/api/contacts/" + contact, null)).getJsonArray("labels")
                .getValuesAs(JsonValue::toString);
    }

    private static List<String> leftIds(JsonObject result) {
        return result.getJsonArray("left").getValuesAs(JsonObject.class).stream().map(left -> left.getString("id")).toList();
    }

    private static String reasonOf(JsonObject result, String id) {
        return result.getJsonArray("left").getValuesAs(JsonObject.class).stream()
                .filter(left -> left.getString("id").equals(id)).findFirst().orElseThrow().getString("reason");
    }

    private static void assertInvalid(HttpResponse<String> answer, String field) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(json(answer).getJsonObject("fields").containsKey(field), answer.body());
    }

    private static String ids(String... ids) {
        return String.join(",", List.of(ids).stream().map(id -> "\"" + id + "\"").toList());
    }

    private String create(User user, String name) {
        return ok(201, api.call(user, "POST", "/api/contacts", "{\"name\":\"" + name + "\"}")).getString("id");
    }
}
