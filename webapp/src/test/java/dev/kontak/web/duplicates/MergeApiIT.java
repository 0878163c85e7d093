package dev.kontak.web.duplicates;

import static dev.kontak.web.testing.ApiUsers.json;
import static dev.kontak.web.testing.ApiUsers.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ApiUsers;
import dev.kontak.web.testing.ApiUsers.User;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Duplicates found and merged through the API, as a client sees them and as PostgreSQL (row level security on)
 * holds them afterwards: groups by e-mail, phone and alike names among the caller's contacts only; a merge that
 * takes the chosen fields, unites the lists, moves the activities, deletes the others and leaves the owner's and a
 * teammate's metadata equal to a full recompute; refusals and bad requests that write nothing.
 */
class MergeApiIT {

    Visitor visitor;
    ApiUsers api;

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(SharedKontak.url().toURI());
        api = new ApiUsers(visitor);
    }

    @Test
    void groupsShareAnEmailAPhoneOrAlikeNamesAmongTheCallersContactsOnly() {
        User owner = api.signUp("duplicates");
        User stranger = api.signUp("stranger");
        String budi = create(owner, "{\"name\":\"Budi Santoso\",\"email\":\"budi@dup.example\"}");
        String budiAgain = create(owner, "{\"name\":\"Pak B.\",\"email\":\"BUDI@dup.example\"}");
        String siti = create(owner, "{\"name\":\"Siti\",\"phone\":\"0812-1111-2222\"}");
        String sitiAgain = create(owner, "{\"name\":\"Ibu Rahayu\",\"phone\":\"+62 812 1111 2222\"}");
        String jon = create(owner, "{\"name\":\"Jon Smith\"}");
        String john = create(owner, "{\"name\":\"John Smith\"}");
        create(owner, "{\"name\":\"Someone Else Entirely\",\"email\":\"else@dup.example\"}");
        create(stranger, "{\"name\":\"Budi Santoso\",\"email\":\"budi@dup.example\",\"phone\":\"081211112222\"}");

        JsonObject found = ok(200, api.call(owner, "GET", "/api/duplicates", null));

        assertEquals(3, found.getInt("total"));
        Set<Set<String>> groups = new HashSet<>();
        for (JsonValue group : found.getJsonArray("groups")) {
            Set<String> ids = new HashSet<>(group.asJsonObject().getJsonArray("contacts").stream()
                    .map(contact -> contact.asJsonObject().getString("id")).toList());
            groups.add(ids);
            List<String> reasons = group.asJsonObject().getJsonArray("reasons").getValuesAs(JsonValue::toString);
            String expected = ids.contains(budi) ? "email" : ids.contains(siti) ? "phone" : "name";
            assertEquals(List.of("\"" + expected + "\""), reasons, ids.toString());
        }
        assertEquals(Set.of(Set.of(budi, budiAgain), Set.of(siti, sitiAgain), Set.of(jon, john)), groups,
                "nobody else's contacts, and no contact without a twin");
        assertEquals(1, ok(200, api.call(owner, "GET", "/api/duplicates?limit=1", null)).getJsonArray("groups").size());
        assertEquals(400, api.call(owner, "GET", "/api/duplicates?limit=0", null).statusCode());
    }

    @Test
    void aMergeKeepsOneCardWithEverythingMovesTheActivitiesAndKeepsEveryonesMetadataTrue() throws SQLException {
        User owner = api.signUp("merger");
        User teammate = api.signUp("teammate");
        String team = api.teamOf(owner, teammate);
        String kept = create(owner, """
                {"name":"Ada Lovelace","emails":[{"label":"work","address":"ada@engines.example"}],
                 "phones":[{"label":"mobile","number":"0812-3456-7890"}],"labels":["science"],"organization":"Engines"}""");
        String merged = create(owner, """
                {"name":"A. Lovelace","emails":[{"address":"ADA@engines.example"},{"label":"home","address":"ada@home.example"}],
                 "phones":[{"number":"+62 812 3456 7890"},{"label":"work","number":"021 555 0100"}],
                 "labels":["poetry"],"organization":"Analytical Engines","title":"Programmer"}""");
        ok(200, api.call(owner, "PUT", "/api/contacts/" + merged + "/team", "{\"teamId\":\"" + team + "\"}"));
        logActivity(owner, kept, "2026-11-20T10:00:00Z", "Called Ada");
        logActivity(owner, merged, "2026-11-25T10:00:00Z", "Met A. Lovelace");
        logActivity(owner, merged, "2026-11-01T10:00:00Z", "Wrote to A. Lovelace");
        assertTrue(ok(200, api.call(teammate, "GET", "/api/metadata", null)).getJsonArray("contactIds").toString()
                .contains(merged));

        JsonObject card = ok(200, api.call(owner, "POST", "/api/contacts/merge", "{\"keep\":\"" + kept + "\",\"merge\":[\""
                + merged + "\"],\"fields\":{\"organization\":\"" + merged + "\"}}"));

        assertEquals(kept, card.getString("id"));
        assertEquals("Ada Lovelace", card.getString("name"), "the kept contact's, where no other was chosen");
        assertEquals("Analytical Engines", card.getString("organization"), "as chosen");
        assertEquals("Programmer", card.getString("title"), "the kept contact had none: the merged one's");
        assertEquals(List.of("ada@engines.example", "ada@home.example"), values(card, "emails", "address"));
        assertEquals(List.of("+6281234567890", "+62215550100"), values(card, "phones", "e164"));
        assertEquals(List.of("\"poetry\"", "\"science\""), card.getJsonArray("labels").getValuesAs(JsonValue::toString));
        assertEquals(3, card.getInt("activityCount"));
        assertEquals("2026-11-25T10:00:00Z", card.getString("lastActivityAt"));
        assertEquals(List.of("Met A. Lovelace", "Called Ada", "Wrote to A. Lovelace"),
                Json.createReader(new StringReader(api.call(owner, "GET", "/api/contacts/" + kept + "/activities", null)
                        .body())).readArray().stream().map(activity -> activity.asJsonObject().getString("summary"))
                        .toList(), "latest first");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE id = ?", UUID.fromString(merged)));
        assertEquals(403, api.call(owner, "GET", "/api/contacts/" + merged, null).statusCode());
        assertFalse(ok(200, api.call(teammate, "GET", "/api/metadata", null)).getJsonArray("contactIds").toString()
                .contains(merged), "the teammate no longer has the merged contact");
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(teammate);
        assertEquals(0, ok(200, api.call(owner, "GET", "/api/duplicates", null)).getInt("total"));
    }

    @Test
    void aMergeTheCallerMayNotDoOrThatSaysNoMergeWritesNothing() throws SQLException {
        User owner = api.signUp("sharer");
        User teammate = api.signUp("member");
        String team = api.teamOf(owner, teammate);
        String shared = create(owner, "{\"name\":\"Shared Person\",\"email\":\"shared@dup.example\"}");
        ok(200, api.call(owner, "PUT", "/api/contacts/" + shared + "/team", "{\"teamId\":\"" + team + "\"}"));
        logActivity(owner, shared, "2026-11-20T10:00:00Z", "Owner's call");
        String own = create(teammate, "{\"name\":\"Shared Person\",\"email\":\"shared@dup.example\"}");
        String stranger = create(api.signUp("outsider"), "{\"name\":\"Not Yours\"}");
        String before = state(shared, own, stranger);

        HttpResponse<String> notOwner = api.call(teammate, "POST", "/api/contacts/merge", merge(own, shared));
        assertEquals(403, notOwner.statusCode(), notOwner.body());
        assertEquals("Only its owner can merge Shared Person into another contact: merging deletes it.",
                json(notOwner).getString("error"));
        assertEquals(403, api.call(teammate, "POST", "/api/contacts/merge", merge(own, stranger)).statusCode());
        assertEquals(403, api.call(teammate, "POST", "/api/contacts/merge", merge(stranger, own)).statusCode());
        assertInvalid(api.call(teammate, "POST", "/api/contacts/merge", merge(own, own)), "merge");
        assertInvalid(api.call(teammate, "POST", "/api/contacts/merge", "{\"keep\":\"" + own + "\",\"merge\":[]}"), "merge");
        assertInvalid(api.call(teammate, "POST", "/api/contacts/merge", "{\"merge\":[\"" + shared + "\"]}"), "keep");
        assertInvalid(api.call(teammate, "POST", "/api/contacts/merge", "{\"keep\":\"x\",\"merge\":[\"" + shared + "\"]}"),
                "keep");
        assertInvalid(api.call(owner, "POST", "/api/contacts/merge", "{\"keep\":\"" + shared + "\",\"merge\":[\"" + own
                + "\"],\"fields\":{\"colour\":\"" + own + "\"}}"), "fields");
        assertInvalid(api.call(owner, "POST", "/api/contacts/merge", "{\"keep\":\"" + shared + "\",\"merge\":[\"" + own
                + "\"],\"fields\":{\"name\":\"" + stranger + "\"}}"), "fields");
        assertEquals(400, api.call(owner, "POST", "/api/contacts/merge", null).statusCode());

        assertEquals(before, state(shared, own, stranger), "nothing written");
        api.assertMetadataIsAFullRecompute(owner);
        api.assertMetadataIsAFullRecompute(teammate);
    }

    private static String merge(String keep, String merged) {
        return "{\"keep\":\"" + keep + "\",\"merge\":[\"" + merged + "\"]}";
    }

    /** Each contact's version and activities, as the database holds them. */
    private static String state(String... contacts) throws SQLException {
        StringBuilder state = new StringBuilder();
        for (String contact : contacts) {
            UUID id = UUID.fromString(contact);
            state.append(TestDatabase.count("SELECT version FROM contacts WHERE id = ?", id)).append('/')
                    .append(TestDatabase.count("SELECT COUNT(*) FROM activities WHERE contact_id = ?", id)).append(' ');
        }
        return state.toString();
    }

    private static void assertInvalid(HttpResponse<String> answer, String field) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(json(answer).getJsonObject("fields").containsKey(field), answer.body());
    }

    private void logActivity(User user, String contact, String when, String summary) {
        ok(201, api.call(user, "POST", "/api/contacts/" + contact + "/activities",
                "{\"type\":\"NOTE\",\"occurredAt\":\"" + when + "\",\"summary\":\"" + summary + "\"}"));
    }

    private String create(User user, String json) {
        return ok(201, api.call(user, "POST", "/api/contacts", json)).getString("id");
    }

    private static List<String> values(JsonObject card, String list, String field) {
        return card.getJsonArray(list).stream().map(value -> value.asJsonObject().getString(field)).toList();
    }
}
