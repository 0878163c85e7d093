package dev.kontak.web.api;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ListOrderModel;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Email;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON API as a client sees it (status, headers, JSON) and what it leaves in PostgreSQL: metadata with ETags,
 * contacts, activities, teams and sharing, refusals that write nothing but the audit, malformed input, and
 * parallel creates. Every test signs up its own users.
 */
class ContactApiIT {

    private static final String ACCESS_DENIED = "{\"error\":\"Access denied: Contact not found in your authorized list.\"}";
    private static final Set<String> METADATA_COLUMNS = Set.of("id", "userId", "contactIds", "contactCount",
            "activityCount", "lastActivityAt", "teamIds", "permissions", "dataChecksum", "cacheVersion",
            "lastContactUpdate", "lastActivityUpdate", "createdAt", "updatedAt");

    URL base = SharedKontak.url();

    Visitor visitor;

    /** A signed-up account: what a client knows about itself. */
    record User(String email, UUID id) {
    }

    @BeforeEach
    void newVisitor() throws Exception {
        visitor = new Visitor(base.toURI());
    }

    @Test
    void metadataHasEveryColumnAndAnETagThatAnswers304UntilSomethingChanges() throws SQLException {
        User alice = signUp("meta");

        HttpResponse<String> first = call(alice, "GET", "/api/metadata", null);

        assertEquals(200, first.statusCode(), first.body());
        JsonObject metadata = json(first);
        assertEquals(METADATA_COLUMNS, metadata.keySet());
        assertEquals(alice.id().toString(), metadata.getString("userId"));
        assertEquals(0, metadata.getInt("contactCount"));
        assertEquals(List.of(), strings(metadata.getJsonArray("contactIds")));
        assertEquals(JsonValue.NULL, metadata.get("lastActivityAt"));
        assertEquals(List.of("contacts:create", "teams:create"), strings(metadata.getJsonArray("permissions")));
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"v" + cacheVersion(metadata) + "\"", tag);
        assertEquals(List.of("private, no-cache"), first.headers().allValues("Cache-Control"));
        Map<String, Object> row = row("SELECT id, cache_version, data_checksum FROM user_metadata WHERE user_id = ?",
                alice.id());
        assertEquals(row.get("id").toString(), metadata.getString("id"));
        assertEquals(row.get("cache_version"), cacheVersion(metadata));
        assertEquals(row.get("data_checksum"), metadata.getString("dataChecksum"));

        HttpResponse<String> unchanged = ifNoneMatch(alice, tag);
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.body());
        assertEquals(tag, unchanged.headers().firstValue("ETag").orElseThrow());
        assertEquals(List.of("private, no-cache"), unchanged.headers().allValues("Cache-Control"));

        String contactId = createContact(alice, "Ada").getString("id");
        HttpResponse<String> changed = ifNoneMatch(alice, tag);

        assertEquals(200, changed.statusCode());
        String newTag = changed.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(tag, newTag);
        JsonObject after = json(changed);
        assertTrue(cacheVersion(after) > cacheVersion(metadata));
        assertEquals("\"v" + cacheVersion(after) + "\"", newTag);
        assertEquals(List.of(contactId), strings(after.getJsonArray("contactIds")));
        assertEquals(1, after.getInt("contactCount"));
        assertEquals(304, ifNoneMatch(alice, newTag).statusCode());

        HttpResponse<String> anonymous = visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/metadata")));
        assertEquals(401, anonymous.statusCode());
        assertTrue(json(anonymous).containsKey("error"));
    }

    @Test
    void refreshRecomputesTheRowFromTheData() throws SQLException {
        User user = signUp("refresh");
        String first = createContact(user, "First").getString("id");
        String second = createContact(user, "Second").getString("id");
        logActivity(user, first, "CALL", "2026-11-26T10:00:00Z");
        JsonObject before = metadataOf(user);
        execute("UPDATE user_metadata SET contact_count = 99, activity_count = 0, data_checksum = '0000000000000000' "
                + "WHERE user_id = ?", user.id());
        assertEquals(99, metadataOf(user).getInt("contactCount"), "the API shows the row as it is");

        HttpResponse<String> refreshed = call(user, "POST", "/api/metadata/refresh", null);

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonObject after = json(refreshed);
        assertEquals(2, after.getInt("contactCount"));
        assertEquals(1, after.getInt("activityCount"));
        assertEquals(before.getString("dataChecksum"), after.getString("dataChecksum"));
        assertEquals(Set.of(first, second), Set.copyOf(strings(after.getJsonArray("contactIds"))));
        assertEquals(cacheVersion(before) + 1, cacheVersion(after));
        assertEquals("\"v" + cacheVersion(after) + "\"", refreshed.headers().firstValue("ETag").orElseThrow());
        Map<String, Object> row = row("SELECT contact_count, activity_count, data_checksum FROM user_metadata "
                + "WHERE user_id = ?", user.id());
        assertEquals(2, row.get("contact_count"));
        assertEquals(1, row.get("activity_count"));
        assertEquals(before.getString("dataChecksum"), row.get("data_checksum"));
    }

    @Test
    void stalenessAndCacheValidityAnswerForTheCallersRow() throws SQLException {
        User user = signUp("stale");

        JsonObject fresh = ok(200, call(user, "GET", "/api/metadata/stale", null));
        assertEquals(Set.of("stale", "ageSeconds"), fresh.keySet());
        assertFalse(fresh.getBoolean("stale"));
        assertTrue(fresh.getJsonNumber("ageSeconds").longValue() < 60, fresh.toString());

        execute("UPDATE user_metadata SET updated_at = now() - interval '10 minutes' WHERE user_id = ?", user.id());
        JsonObject old = ok(200, call(user, "GET", "/api/metadata/stale", null));
        assertTrue(old.getBoolean("stale"), "older than the default of 2 minutes");
        long age = old.getJsonNumber("ageSeconds").longValue();
        assertTrue(age >= 600 && age < 660, old.toString());
        assertFalse(ok(200, call(user, "GET", "/api/metadata/stale?maxAgeMinutes=15", null)).getBoolean("stale"));
        assertTrue(ok(200, call(user, "GET", "/api/metadata/stale?maxAgeMinutes=9", null)).getBoolean("stale"));
        for (String invalid : List.of("-1", "two", "1.5")) {
            assertInvalidField(call(user, "GET", "/api/metadata/stale?maxAgeMinutes=" + invalid, null), "maxAgeMinutes");
        }

        // a row this old is recomputed before its cache_version is trusted, so make it fresh first
        long version = cacheVersion(ok(200, call(user, "POST", "/api/metadata/refresh", null)));
        JsonObject valid = ok(200, call(user, "GET", "/api/metadata/cache-validity?version=" + version, null));
        assertEquals(Json.createObjectBuilder().add("cacheVersion", version).add("valid", true).build(), valid);
        JsonObject outdated = ok(200, call(user, "GET", "/api/metadata/cache-validity?version=" + (version - 1), null));
        assertEquals(Json.createObjectBuilder().add("cacheVersion", version).add("valid", false).build(), outdated);
        assertInvalidField(call(user, "GET", "/api/metadata/cache-validity", null), "version");
        for (String invalid : List.of("abc", "-1", "99999999999999999999")) {
            assertInvalidField(call(user, "GET", "/api/metadata/cache-validity?version=" + invalid, null), "version");
        }
    }

    @Test
    void contactsAndActivitiesFromCreateToDeleteWithTheCacheVersionGrowingAtEachStep() throws SQLException {
        User user = signUp("crud");
        long version = cacheVersion(metadataOf(user));

        HttpResponse<String> created = call(user, "POST", "/api/contacts", Json.createObjectBuilder()
                .add("name", " Ada Lovelace ").add("email", "ada@example.com").add("phone", "+44 20 1234 5678")
                .add("company", "Analytical Engines").add("notes", "Met at the lecture").build().toString());

        assertEquals(201, created.statusCode(), created.body());
        JsonObject contact = json(created);
        String id = contact.getString("id");
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/contacts/" + id));
        assertEquals(Set.of("id", "ownerId", "teamId", "name", "nameParts", "nickname", "email", "phone", "company",
                "emails", "phones", "addresses", "urls", "organization", "department", "title", "birthday", "photo",
                "anniversary", "labels", "favourite", "notes", "activityCount", "lastActivityAt", "createdAt",
                "updatedAt", "version"), contact.keySet());
        assertEquals("Ada Lovelace", contact.getString("name"));
        assertEquals(user.id().toString(), contact.getString("ownerId"));
        assertEquals(JsonValue.NULL, contact.get("teamId"));
        Map<String, Object> row = row("SELECT owner_id, name, email, phone, version FROM contacts WHERE id = ?", uuid(id));
        assertEquals(user.id(), row.get("owner_id"));
        assertEquals("Ada Lovelace", row.get("name"));
        assertEquals("+44 20 1234 5678", row.get("phone"));
        assertEquals(row.get("version"), contact.getJsonNumber("version").longValue());
        version = assertGrew(user, version);

        assertEquals(contact, ok(200, call(user, "GET", "/api/contacts/" + id, null)));

        JsonObject updated = ok(200, call(user, "PUT", "/api/contacts/" + id, "{\"name\":\"Ada King\","
                + "\"email\":\"ada@example.com\",\"version\":" + contact.getJsonNumber("version") + "}"));
        assertEquals("Ada King", updated.getString("name"));
        assertEquals(JsonValue.NULL, updated.get("phone"), "PUT replaces every detail");
        assertTrue(updated.getJsonNumber("version").longValue() > contact.getJsonNumber("version").longValue());
        assertEquals("Ada King", row("SELECT name FROM contacts WHERE id = ?", uuid(id)).get("name"));
        version = assertGrew(user, version);

        Map<String, Object> saved = row("SELECT * FROM contacts WHERE id = ?", uuid(id));
        HttpResponse<String> conflict = call(user, "PUT", "/api/contacts/" + id,
                "{\"name\":\"Lost Update\",\"version\":" + contact.getJsonNumber("version") + "}");
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertTrue(json(conflict).getString("error").startsWith("Someone changed this contact"), conflict.body());
        assertEquals(saved, row("SELECT * FROM contacts WHERE id = ?", uuid(id)));

        JsonObject phoneCall = logActivity(user, id, "CALL", "2026-11-26T10:00:00Z");
        assertEquals(Set.of("id", "contactId", "authorId", "type", "occurredAt", "summary"), phoneCall.keySet());
        assertEquals(id, phoneCall.getString("contactId"));
        assertEquals(user.id().toString(), phoneCall.getString("authorId"));
        assertEquals("CALL", phoneCall.getString("type"));
        assertEquals("2026-11-26T10:00:00Z", phoneCall.getString("occurredAt"));
        JsonObject meeting = logActivity(user, id, "MEETING", "2026-11-27T09:30:00.123456789Z");
        assertEquals("2026-11-27T09:30:00.123456Z", meeting.getString("occurredAt"), "as precise as it is stored");
        version = assertGrew(user, version);

        JsonArray timeline = json(call(user, "GET", "/api/contacts/" + id + "/activities", null), JsonReader::readArray);
        assertEquals(List.of(meeting, phoneCall), timeline, "latest first");
        JsonObject withActivities = ok(200, call(user, "GET", "/api/contacts/" + id, null));
        assertEquals(2, withActivities.getInt("activityCount"));
        assertEquals("2026-11-27T09:30:00.123456Z", withActivities.getString("lastActivityAt"));
        JsonObject metadata = metadataOf(user);
        assertEquals(2, metadata.getInt("activityCount"));
        assertEquals("2026-11-27T09:30:00.123456Z", metadata.getString("lastActivityAt"));
        assertEquals(2L, count("SELECT count(*) FROM activities WHERE contact_id = ?", uuid(id)));

        assertInvalidField(call(user, "POST", "/api/contacts/" + id + "/activities",
                "{\"type\":\"NOTE\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"summary\":\" \"}"), "summary");
        assertEquals(400, call(user, "POST", "/api/contacts/" + id + "/activities",
                "{\"type\":\"TELEGRAM\",\"occurredAt\":\"2026-11-26T10:00:00Z\",\"summary\":\"x\"}").statusCode());
        assertEquals(2L, count("SELECT count(*) FROM activities WHERE contact_id = ?", uuid(id)));

        HttpResponse<String> deleted = call(user, "DELETE", "/api/contacts/" + id, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(0L, count("SELECT count(*) FROM contacts WHERE id = ?", uuid(id)));
        assertEquals(0L, count("SELECT count(*) FROM activities WHERE contact_id = ?", uuid(id)));
        assertEquals(ACCESS_DENIED, call(user, "GET", "/api/contacts/" + id, null).body());
        JsonObject emptied = metadataOf(user);
        assertEquals(0, emptied.getInt("contactCount"));
        assertEquals(0, emptied.getInt("activityCount"));
        assertEquals(JsonValue.NULL, emptied.get("lastActivityAt"));
        assertGrew(user, version);
    }

    @Test
    void nextAndPreviousWalkTheWholeListExactlyOnceInBothOrders() throws SQLException {
        User alice = signUp("walker");
        User bob = signUp("sharer");
        User carol = signUp("stranger");
        String team = teamOf(alice, bob);
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo", "alpha", "Foxtrot")) {
            createContact(alice, name);
        }
        for (String name : List.of("Golf", "hotel", "India")) {
            share(bob, createContact(bob, name).getString("id"), team);
        }
        createContact(bob, "Juliett, not shared");
        createContact(carol, "Alpha of someone else");

        JsonObject first = ok(200, call(alice, "GET", "/api/contacts?size=3", null));
        assertEquals(Set.of("items", "size", "sort", "next", "previous", "total", "totalExact"), first.keySet());
        assertEquals("newest", first.getString("sort"));
        assertEquals(3, first.getInt("size"));
        assertEquals(10, first.getInt("total"), "the user's metadata counts them: owned and shared");
        assertTrue(first.getBoolean("totalExact"));
        assertEquals(JsonValue.NULL, first.get("previous"));
        for (String sort : List.of("newest", "name")) {
            List<String> expected = accessibleInOrder(alice, sort);
            assertEquals(10, expected.size());
            List<JsonObject> forward = walk(alice, "sort=" + sort + "&size=3", "next", "after");
            assertEquals(expected, ids(forward), sort + ": forward, each contact once");
            assertEquals(List.of(3, 3, 3, 1), sizes(forward));
            List<JsonObject> backward = walkBack(alice, "sort=" + sort + "&size=3", forward.get(forward.size() - 1));
            assertEquals(expected, ids(backward), sort + ": backward from the last page, each contact once");
        }
        assertEquals(List.of("alpha", "alpha", "bravo"), names(ok(200, call(alice, "GET", "/api/contacts?sort=name&size=3",
                null))).stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList(),
                "case-insensitive: Alpha and alpha (in id order) before Bravo");
    }

    @Test
    void aContactCreatedBetweenPagesIsNeitherRepeatedNorSkipped() throws SQLException {
        User user = signUp("between");
        for (int i = 1; i <= 7; i++) {
            createContact(user, "Person " + i);
        }
        List<String> before = accessibleInOrder(user, "newest");
        JsonObject first = ok(200, call(user, "GET", "/api/contacts?size=3", null));
        createContact(user, "Newest Person");
        List<JsonObject> rest = walkFrom(user, "size=3", first, "next", "after");
        assertEquals(before, ids(concat(first, rest)), "newest first: the new one is before the cursor, not on later pages");

        JsonObject byName = ok(200, call(user, "GET", "/api/contacts?sort=name&size=3", null));
        createContact(user, "Aaron, sorted before the cursor");
        createContact(user, "Zoe, sorted after it");
        List<String> expected = new ArrayList<>(accessibleInOrder(user, "name"));
        expected.remove(0); // Aaron: before the first page's cursor, so not seen on the pages that follow
        List<String> walked = ids(concat(byName, walkFrom(user, "sort=name&size=3", byName, "next", "after")));
        assertEquals(expected.subList(0, 3), walked.subList(0, 3), "the first page was read before Aaron existed");
        assertEquals(expected, walked, "Zoe once, at the end; nobody twice, nobody left out");
    }

    @Test
    void aTamperedCursorOrAPageNumberAnswers400AndChangesNothing() throws SQLException {
        User alice = signUp("tamper");
        User bob = signUp("other-cursor");
        for (int i = 1; i <= 3; i++) {
            createContact(alice, "Tamper " + i);
            createContact(bob, "Other " + i);
        }
        String next = ok(200, call(alice, "GET", "/api/contacts?size=1", null)).getString("next");
        String bobsNext = ok(200, call(bob, "GET", "/api/contacts?size=1", null)).getString("next");
        String byName = ok(200, call(alice, "GET", "/api/contacts?sort=name&size=1", null)).getString("next");
        List<Map<String, Object>> rowsBefore = rows("SELECT * FROM user_metadata WHERE user_id = ?", alice.id());
        char last = next.charAt(next.length() - 1);
        String altered = next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String query : List.of("after=" + altered, "before=" + altered, "after=" + next.substring(0, next.length() - 2),
                "after=" + next + "x", "after=not-a-cursor", "after=" + bobsNext, "sort=name&after=" + next,
                "after=" + byName, "q=tamper&after=" + next)) {
            HttpResponse<String> answer = call(alice, "GET", "/api/contacts?size=1&" + query, null);
            assertInvalidField(answer, query.contains("before=") ? "before" : "after");
            assertTrue(answer.body().contains("is not one Kontak gave out"), answer.body());
        }
        HttpResponse<String> numbered = call(alice, "GET", "/api/contacts?page=2", null);
        assertInvalidField(numbered, "page");
        assertTrue(json(numbered).getJsonObject("fields").getString("page").contains("after="), numbered.body());
        assertInvalidField(call(alice, "GET", "/api/contacts?sort=oldest", null), "sort");
        assertInvalidField(call(alice, "GET", "/api/contacts?after=" + next + "&before=" + next, null), "before");
        assertInvalidField(call(alice, "GET", "/api/contacts?size=101", null), "size");
        assertInvalidField(call(alice, "GET", "/api/contacts?size=ten", null), "size");
        assertInvalidField(call(alice, "GET", "/api/contacts?q=" + "x".repeat(201), null), "q");
        assertEquals(rowsBefore, rows("SELECT * FROM user_metadata WHERE user_id = ?", alice.id()), "metadata untouched");
        assertEquals(0L, count("SELECT count(*) FROM access_refusals WHERE user_id = ?", alice.id()));
        assertEquals(List.of("Tamper 2"), names(ok(200, call(alice, "GET", "/api/contacts?size=1&after=" + next, null))),
                "the cursor as given still works");
    }

    @Test
    void searchFindsEveryEmailAndPhoneOfTheCardNotOnlyTheFirst() {
        User user = signUp("card-searcher");
        createContactWith(user, "{\"name\":\"Siti Rahayu\",\"emails\":[{\"address\":\"siti@kantor.example\"},"
                + "{\"label\":\"home\",\"address\":\"Siti.Rumah@Pribadi.example\"}],\"phones\":[{\"number\":\"021 555 0100\"},"
                + "{\"label\":\"mobile\",\"number\":\"0813-9876-5432\"}]}");
        createContact(user, "Unrelated");

        assertEquals(List.of("Siti Rahayu"), names(search(user, "rumah@pribadi", "")), "the second e-mail, any case");
        assertEquals(List.of("Siti Rahayu"), names(search(user, "9876 5432", "")), "the second phone's digits");
        assertEquals(List.of(), names(search(user, "example021", "")), "a match never spans two values");
        HttpResponse<String> changed = call(user, "GET", "/api/contacts?q=pribadi", null);
        assertTrue(changed.body().contains("\"total\":1"), changed.body());
    }

    @Test
    void searchFindsNameEmailCompanyAndPhoneDigitsRankedExactThenPrefixThenSubstring() throws SQLException {
        User user = signUp("searcher");
        createContactWith(user, "{\"name\":\"Zed\",\"email\":\"ada@mail.example\"}");
        createContactWith(user, "{\"name\":\"Grace Ada\"}");
        createContact(user, "adam smith");
        createContact(user, "Ada");
        createContactWith(user, "{\"name\":\"Company Person\",\"company\":\"Adamant Ltd\"}");
        createContact(user, "Ada Lovelace");
        createContactWith(user, "{\"name\":\"Budi\",\"phone\":\"+62 812-3456-7890\"}");
        createContact(user, "Unrelated");
        createContact(signUp("search-other"), "Ada of someone else");

        JsonObject found = search(user, "ADA", "");
        assertEquals(List.of("Ada", "Ada Lovelace", "adam smith", "Company Person", "Grace Ada", "Zed"), names(found),
                "the exact name, then names starting with it, then any other match; by name within each");
        assertEquals("relevance", found.getString("sort"));
        assertEquals(6, found.getInt("total"));
        assertTrue(found.getBoolean("totalExact"));
        List<JsonObject> pages = walk(user, "q=ada&size=2", "next", "after");
        assertEquals(names(found), pages.stream().flatMap(page -> names(page).stream()).toList(), "paged by the same order");
        assertEquals(List.of(2, 2, 2), sizes(pages));
        assertEquals(JsonValue.NULL, pages.get(1).get("total"), "searches count on their first page only");
        List<JsonObject> back = walkBack(user, "q=ada&size=2", pages.get(pages.size() - 1));
        assertEquals(names(found), back.stream().flatMap(page -> names(page).stream()).toList());

        assertEquals(List.of("Budi"), names(search(user, "0812 3456", "")), "phone digits, the trunk 0 left out");
        assertEquals(List.of("Budi"), names(search(user, "3456-7890", "")));
        assertEquals(List.of("Zed"), names(search(user, "mail.EXAMPLE", "")));
        assertEquals(List.of("Company Person"), names(search(user, "amant", "")));
        assertEquals(List.of(), names(search(user, "zebra", "")));
        assertEquals(0, search(user, "zebra", "").getInt("total"));
        assertEquals(List.of(), names(search(user, "ad\u0000a", "")), "a NUL finds nothing");
    }

    @Test
    void wildcardsAreLiteralAndShortTermsMatchNamePrefixesOnly() {
        User user = signUp("literal");
        for (String name : List.of("50% off", "500 x", "under_score", "underXscore", "back\\\\slash", "backslash",
                "Adele", "Wade Grace", "Zo", "Zoe")) {
            createContact(user, name);
        }
        assertEquals(List.of("50% off"), names(search(user, "50%", "")));
        assertEquals(List.of("under_score"), names(search(user, "r_s", "")));
        assertEquals(List.of("back\\slash"), names(search(user, "k\\s", "")));
        assertEquals(List.of(), names(search(user, "%", "")), "a % is a character to look for, not a wildcard");
        assertEquals(List.of(), names(search(user, "_", "")));
        assertEquals(List.of("Adele"), names(search(user, "ad", "")), "two characters: names starting with them only");
        assertEquals(List.of("Zo", "Zoe"), names(search(user, "zo", "")), "the exact name first");
        assertEquals(List.of("Zo", "Zoe"), names(search(user, "z", "")));
        assertEquals(List.of("Adele", "Wade Grace"), names(search(user, "ade", "")), "three: anywhere");
    }

    @Test
    void someoneElsesContactsNeverAppearAlsoViaATeamYouLeft() {
        User alice = signUp("leaving");
        User bob = signUp("staying");
        User carol = signUp("outsider");
        String team = teamOf(bob, alice);
        share(bob, createContact(bob, "Secret Shared").getString("id"), team);
        createContact(bob, "Secret Unshared");
        createContact(carol, "Secret Carol");
        createContact(alice, "Secret Mine");

        assertEquals(List.of("Secret Mine", "Secret Shared"), names(search(alice, "secret", "")));
        assertEquals(List.of("Secret Mine", "Secret Shared"), names(ok(200, call(alice, "GET", "/api/contacts?sort=name", null))));
        assertEquals(204, call(alice, "DELETE", "/api/teams/" + team + "/members/" + alice.id(), null).statusCode());

        assertEquals(List.of("Secret Mine"), names(search(alice, "secret", "")));
        assertEquals(List.of("Secret Mine"), names(search(alice, "se", "")));
        assertEquals(List.of("Secret Mine"), names(ok(200, call(alice, "GET", "/api/contacts?sort=name", null))));
        assertEquals(List.of("Secret Mine"), names(ok(200, call(alice, "GET", "/api/contacts", null))));
        assertEquals(1, ok(200, call(alice, "GET", "/api/contacts", null)).getInt("total"));
    }

    @Test
    void anotherUserIsRefusedEverythingAndOnlyTheRefusalsAreWritten() throws SQLException {
        User alice = signUp("owner");
        User mallory = signUp("mallory");
        String id = createContact(alice, "Private Person").getString("id");
        logActivity(alice, id, "NOTE", "2026-11-26T10:00:00Z");
        String mallorysTeam = ok(201, call(mallory, "POST", "/api/teams", "{\"name\":\"Mallory's\"}")).getString("id");
        List<Map<String, Object>> before = snapshot(id, alice, mallory);
        String path = "/api/contacts/" + id;

        List<HttpResponse<String>> answers = List.of(
                call(mallory, "GET", path, null),
                call(mallory, "PUT", path, "{\"name\":\"Taken Over\"}"),
                call(mallory, "DELETE", path, null),
                call(mallory, "GET", path + "/activities", null),
                call(mallory, "POST", path + "/activities",
                        "{\"type\":\"NOTE\",\"occurredAt\":\"2026-11-26T11:00:00Z\",\"summary\":\"Mine now\"}"),
                call(mallory, "PUT", path + "/team", "{\"teamId\":\"" + mallorysTeam + "\"}"));

        for (HttpResponse<String> answer : answers) {
            assertEquals(403, answer.statusCode(), answer.request().method() + " " + answer.uri());
            assertEquals(ACCESS_DENIED, answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        }
        assertEquals(before, snapshot(id, alice, mallory), "contact, activities and both users' metadata unchanged");
        Map<String, Long> refusals = new TreeMap<>();
        rows("SELECT operation, count(*) AS n FROM access_refusals WHERE user_id = ? AND contact_id = ? GROUP BY operation",
                mallory.id(), uuid(id)).forEach(r -> refusals.put((String) r.get("operation"), (Long) r.get("n")));
        assertEquals(Map.of("VIEW", 2L, "EDIT", 1L, "DELETE", 1L, "LOG_ACTIVITY", 1L, "SHARE", 1L), refusals);

        assertEquals(Json.createObjectBuilder().add("hasAccess", false)
                        .add("reason", "Contact not found in your authorized list.").build(),
                ok(200, call(mallory, "GET", path + "/access", null)));
        assertTrue(ok(200, call(alice, "GET", path + "/access", null)).getBoolean("hasAccess"));

        UUID nobodys = UUID.randomUUID();
        HttpResponse<String> missing = call(mallory, "GET", "/api/contacts/" + nobodys, null);
        assertEquals(403, missing.statusCode(), "a contact that does not exist looks like someone else's");
        assertEquals(ACCESS_DENIED, missing.body());
        assertEquals(1L, count("SELECT count(*) FROM access_refusals WHERE user_id = ? AND contact_id = ?",
                mallory.id(), nobodys));
    }

    @Test
    void sharingWithATeamGivesMembersAccessUntilUnsharedOrRemoved() throws SQLException {
        User alice = signUp("teamowner");
        User bob = signUp("member");
        User carol = signUp("leaver");
        JsonObject team = ok(201, call(alice, "POST", "/api/teams", "{\"name\":\" Engines \"}"));
        assertEquals(Set.of("id", "name", "createdBy", "createdAt"), team.keySet());
        assertEquals("Engines", team.getString("name"));
        assertEquals(alice.id().toString(), team.getString("createdBy"));
        String teamId = team.getString("id");
        JsonObject member = ok(201, call(alice, "POST", "/api/teams/" + teamId + "/members",
                "{\"email\":\"" + bob.email() + "\"}"));
        assertEquals(Json.createObjectBuilder().add("joinedAt", member.get("joinedAt")).add("role", "MEMBER")
                .add("teamId", teamId).add("userId", bob.id().toString()).build(), member);
        ok(201, call(alice, "POST", "/api/teams/" + teamId + "/members", "{\"email\":\"" + carol.email() + "\"}"));
        String id = createContact(alice, "Shared Person").getString("id");
        String path = "/api/contacts/" + id;
        assertEquals(403, call(bob, "GET", path, null).statusCode(), "not shared yet");

        JsonObject shared = ok(200, call(alice, "PUT", path + "/team", "{\"teamId\":\"" + teamId + "\"}"));

        assertEquals(teamId, shared.getString("teamId"));
        assertEquals(uuid(teamId), row("SELECT team_id FROM contacts WHERE id = ?", uuid(id)).get("team_id"));
        JsonObject bobs = metadataOf(bob);
        assertEquals(List.of(id), strings(bobs.getJsonArray("contactIds")));
        assertEquals(1, bobs.getInt("contactCount"));
        assertEquals(List.of(teamId), strings(bobs.getJsonArray("teamIds")));
        assertEquals("Shared Person", ok(200, call(bob, "GET", path, null)).getString("name"));
        HttpResponse<String> bobDeletes = call(bob, "DELETE", path, null);
        assertEquals(403, bobDeletes.statusCode());
        assertEquals("Only the owner can delete this contact.", json(bobDeletes).getString("error"));
        assertEquals(1L, count("SELECT count(*) FROM contacts WHERE id = ?", uuid(id)));
        HttpResponse<String> bobAdds = call(bob, "POST", "/api/teams/" + teamId + "/members",
                "{\"email\":\"" + uniqueEmail("nobody") + "\"}");
        assertEquals(403, bobAdds.statusCode());
        assertEquals("Only the team's owner can change its members.", json(bobAdds).getString("error"));

        JsonObject unshared = ok(200, call(alice, "PUT", path + "/team", "{\"teamId\":null}"));
        assertEquals(JsonValue.NULL, unshared.get("teamId"));
        assertEquals(ACCESS_DENIED, call(bob, "GET", path, null).body());
        assertEquals(0, metadataOf(bob).getInt("contactCount"));
        assertEquals(List.of(), strings(metadataOf(bob).getJsonArray("contactIds")));

        ok(200, call(alice, "PUT", path + "/team", "{\"teamId\":\"" + teamId + "\"}"));
        assertEquals(1, metadataOf(bob).getInt("contactCount"));
        assertEquals(1, metadataOf(carol).getInt("contactCount"));
        assertEquals(204, call(alice, "DELETE", "/api/teams/" + teamId + "/members/" + bob.id(), null).statusCode());
        assertEquals(204, call(carol, "DELETE", "/api/teams/" + teamId + "/members/" + carol.id(), null).statusCode(),
                "a member leaves by removing themselves");

        HttpResponse<String> formerMemberAdds = call(carol, "POST", "/api/teams/" + teamId + "/members",
                "{\"email\":\"" + carol.email() + "\"}");
        assertEquals(403, formerMemberAdds.statusCode());
        assertEquals("Team not found.", json(formerMemberAdds).getString("error"));
        for (User gone : List.of(bob, carol)) {
            assertEquals(ACCESS_DENIED, call(gone, "GET", path, null).body());
            JsonObject metadata = metadataOf(gone);
            assertEquals(0, metadata.getInt("contactCount"));
            assertEquals(List.of(), strings(metadata.getJsonArray("teamIds")));
            assertEquals(0L, count("SELECT count(*) FROM team_members WHERE user_id = ?", gone.id()));
        }
        assertEquals(200, call(alice, "GET", path, null).statusCode(), "the owner keeps it");

        String bobsTeam = ok(201, call(bob, "POST", "/api/teams", "{\"name\":\"Bob's\"}")).getString("id");
        HttpResponse<String> foreignTeam = call(alice, "PUT", path + "/team", "{\"teamId\":\"" + bobsTeam + "\"}");
        assertEquals(403, foreignTeam.statusCode());
        assertEquals("You can share a contact only with a team you belong to.", json(foreignTeam).getString("error"));
        assertEquals(uuid(teamId), row("SELECT team_id FROM contacts WHERE id = ?", uuid(id)).get("team_id"));
        assertInvalidField(call(alice, "POST", "/api/teams", "{\"name\":\"\"}"), "name");
    }

    @Test
    void malformedIdsAndBodiesAnswer400AndWriteNothing() throws SQLException {
        User user = signUp("malformed");
        String id = createContact(user, "Kept As Is").getString("id");
        Map<String, Object> before = row("SELECT * FROM contacts WHERE id = ?", uuid(id));

        assertInvalidField(call(user, "GET", "/api/contacts/not-a-uuid", null), "id");
        assertInvalidField(call(user, "GET", "/api/contacts/1-2-3-4-5", null), "id");
        assertInvalidField(call(user, "DELETE", "/api/contacts/" + id + "x", null), "id");
        assertInvalidField(call(user, "GET", "/api/contacts/nope/activities", null), "id");
        assertInvalidField(call(user, "GET", "/api/contacts/nope/access", null), "id");
        assertInvalidField(call(user, "PUT", "/api/contacts/" + id + "/team", "{\"teamId\":\"nope\"}"), "teamId");
        assertInvalidField(call(user, "DELETE", "/api/teams/nope/members/" + user.id(), null), "id");
        assertInvalidField(call(user, "DELETE", "/api/teams/" + UUID.randomUUID() + "/members/nope", null), "userId");

        for (String unreadable : List.of("{not json", "[1,2]", "{\"name\":\"X\",\"version\":\"abc\"}", "")) {
            HttpResponse<String> answer = call(user, "PUT", "/api/contacts/" + id, unreadable);
            assertEquals(400, answer.statusCode(), unreadable + " -> " + answer.body());
            assertTrue(json(answer).getString("error").length() > 0);
        }
        assertEquals(400, call(user, "POST", "/api/contacts", "{not json").statusCode());

        HttpResponse<String> invalid = call(user, "POST", "/api/contacts",
                "{\"name\":\" \",\"email\":\"not-an-address\",\"phone\":\"call me\"}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonObject fields = json(invalid).getJsonObject("fields");
        assertEquals("Enter a name.", fields.getString("name"));
        assertEquals("Enter a valid e-mail address.", fields.getString("email"));
        assertEquals("Use digits, spaces and + ( ) . / - only (3 to 50).", fields.getString("phone"));
        assertInvalidField(call(user, "PUT", "/api/contacts/" + id, "{\"name\":\"\"}"), "name");

        assertEquals(before, row("SELECT * FROM contacts WHERE id = ?", uuid(id)));
        assertEquals(1L, count("SELECT count(*) FROM contacts WHERE owner_id = ?", user.id()));
    }

    @Test
    void parallelCreatesByOneUserAllCountInTheMetadata() throws Exception {
        int parallel = 16;
        User user = signUp("parallel");
        JsonObject before = metadataOf(user);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Callable<HttpResponse<String>>> creates = IntStream.range(0, parallel)
                    .<Callable<HttpResponse<String>>>mapToObj(i -> () -> call(user, "POST", "/api/contacts",
                            "{\"name\":\"Parallel " + i + "\"}"))
                    .toList();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(creates)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> ids = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            assertEquals(201, answer.statusCode(), answer.body());
            ids.add(json(answer).getString("id"));
        }
        assertEquals(parallel, ids.size());
        JsonObject after = metadataOf(user);
        assertEquals(before.getInt("contactCount") + parallel, after.getInt("contactCount"));
        assertTrue(cacheVersion(after) >= cacheVersion(before) + parallel, after.toString());
        assertEquals(ids, Set.copyOf(strings(after.getJsonArray("contactIds"))));
        assertEquals((long) parallel, count("SELECT count(*) FROM contacts WHERE owner_id = ?", user.id()));
        assertEquals((long) parallel, count("SELECT count(*) FROM user_contact_access WHERE user_id = ?", user.id()));
        JsonObject recomputed = ok(200, call(user, "POST", "/api/metadata/refresh", null));
        assertEquals(after.getString("dataChecksum"), recomputed.getString("dataChecksum"),
                "the deltas of parallel changes add up to what a full recompute finds");
    }

    @Test
    void aContactKeepsEveryPartOfItsCardAndATeammateReadsItWhole() {
        User owner = signUp("card");
        User mate = signUp("cardmate");
        String card = """
                {"name": "", "nameParts": {"prefix": "Dr.", "given": "Ada", "additional": "King", "family": "Lovelace"},
                 "nickname": "Ada", "emails": [{"label": "work", "address": "ada@engines.example"},
                                              {"label": "home", "address": "ada@home.example"}],
                 "phones": [{"label": "mobile", "number": "0812-3456-7890"}, {"label": "fax", "number": "123"}],
                 "addresses": [{"label": "home", "street": "12 St James's Square", "locality": "London",
                                "postalCode": "SW1Y 4JH", "country": "United Kingdom"}],
                 "urls": [{"label": "blog", "url": "https://engines.example/ada"}],
                 "organization": "Analytical Engines", "department": "Research", "title": "Countess",
                 "birthday": "1815-12-10", "anniversary": "--07-08", "labels": ["vip", "friends", "vip"],
                 "favourite": true, "notes": "Met at the Royal Society."}""";

        JsonObject created = createContactWith(owner, card);
        share(owner, created.getString("id"), teamOf(owner, mate));
        JsonObject seen = ok(200, call(mate, "GET", "/api/contacts/" + created.getString("id"), null));

        for (JsonObject contact : List.of(created, seen)) {
            assertEquals("Dr. Ada King Lovelace", contact.getString("name"), "made of the parts");
            assertEquals("Lovelace", contact.getJsonObject("nameParts").getString("family"));
            assertEquals(JsonValue.NULL, contact.getJsonObject("nameParts").get("suffix"));
            assertEquals(List.of("work|ada@engines.example", "home|ada@home.example"),
                    contact.getJsonArray("emails").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("label") + "|" + e.getString("address")).toList());
            JsonObject mobile = contact.getJsonArray("phones").getJsonObject(0);
            assertEquals("0812-3456-7890", mobile.getString("number"), "as typed");
            assertEquals("+6281234567890", mobile.getString("e164"));
            assertEquals("+62 812-3456-7890", mobile.getString("formatted"));
            assertEquals(JsonValue.NULL, contact.getJsonArray("phones").getJsonObject(1).get("e164"), "no valid number");
            JsonObject home = contact.getJsonArray("addresses").getJsonObject(0);
            assertEquals("12 St James's Square|London|SW1Y 4JH|United Kingdom", home.getString("street") + "|"
                    + home.getString("locality") + "|" + home.getString("postalCode") + "|" + home.getString("country"));
            assertEquals("https://engines.example/ada", contact.getJsonArray("urls").getJsonObject(0).getString("url"));
            assertEquals("Analytical Engines|Research|Countess|1815-12-10|--07-08", contact.getString("organization")
                    + "|" + contact.getString("department") + "|" + contact.getString("title") + "|"
                    + contact.getString("birthday") + "|" + contact.getString("anniversary"));
            assertEquals(List.of("friends", "vip"), strings(contact.getJsonArray("labels")));
            assertTrue(contact.getBoolean("favourite"));
            assertEquals("ada@engines.example|0812-3456-7890|Analytical Engines", contact.getString("email") + "|"
                    + contact.getString("phone") + "|" + contact.getString("company"), "the first ones, as before");
        }

        JsonObject quick = ok(200, call(owner, "PUT", "/api/contacts/" + created.getString("id"),
                "{\"name\": \"Ada Lovelace\", \"email\": \"ada@analytical.example\", \"phone\": \"0812-3456-7890\"}"));
        assertEquals(List.of("ada@analytical.example", "ada@home.example"), quick.getJsonArray("emails")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("address")).toList(),
                "the quick form changes the first e-mail only");
        assertEquals("work", quick.getJsonArray("emails").getJsonObject(0).getString("label"), "with its label");
        assertEquals(1, quick.getJsonArray("addresses").size(), "and leaves the rest of the card");
        assertEquals(JsonValue.NULL, quick.get("company"), "its organisation was sent as none");

        JsonObject whole = ok(200, call(owner, "PUT", "/api/contacts/" + created.getString("id"),
                "{\"name\": \"Ada\", \"emails\": []}"));
        assertEquals(0, whole.getJsonArray("emails").size() + whole.getJsonArray("phones").size()
                + whole.getJsonArray("addresses").size() + whole.getJsonArray("labels").size(), "any other PUT replaces it all");
    }

    @Test
    void aCardsInvalidPartsAreNamedByTheirPlaceAndNothingIsWritten() throws SQLException {
        User user = signUp("badcard");
        long before = TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", user.id());

        assertInvalidField(call(user, "POST", "/api/contacts", "{\"name\": \"X\", \"emails\": [{\"address\": \"a@b.example\"},"
                + " {\"address\": \"not an address\"}]}"), "emails[1].address");
        assertInvalidField(call(user, "POST", "/api/contacts", "{\"name\": \"X\", \"urls\": [{\"url\": \"javascript:alert(1)\"}]}"),
                "urls[0].url");
        assertInvalidField(call(user, "POST", "/api/contacts", "{\"name\": \"X\", \"birthday\": \"2023-02-29\"}"), "birthday");
        assertInvalidField(call(user, "POST", "/api/contacts", "{\"name\": \"X\", \"email\": \"nope\"}"), "email");
        assertInvalidField(call(user, "POST", "/api/contacts", "{\"nameParts\": {\"given\": \" \"}}"), "name");

        assertEquals(before, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE owner_id = ?", user.id()));
    }

    @Test
    void anExportHoldsEveryContactTheCallerMaySeeAsVcardsWithTheirWholeCards() {
        User owner = signUp("exporter");
        User mate = signUp("exportmate");
        User stranger = signUp("exportstranger");
        JsonObject ada = createContactWith(owner, """
                {"name": "Ada Lovelace", "emails": [{"label": "work", "address": "ada@engines.example"},
                 {"address": "ada@home.example"}], "phones": [{"label": "mobile", "number": "0812-3456-7890"}],
                 "organization": "Analytical Engines", "birthday": "--12-10", "labels": ["vip"]}""");
        createContact(owner, "Charles Babbage");
        share(mate, createContact(mate, "Shared By Mate").getString("id"), teamOf(mate, owner));
        createContact(stranger, "Not Yours");

        HttpResponse<String> four = exported(owner, "");
        assertEquals(200, four.statusCode(), four.body());
        assertTrue(four.headers().firstValue("Content-Type").orElseThrow().startsWith("text/vcard"));
        assertTrue(four.headers().firstValue("Content-Disposition").orElseThrow().contains("kontak-contacts.vcf"));
        List<VCard> cards = Ezvcard.parse(four.body()).all();
        assertEquals(Set.of("Ada Lovelace", "Charles Babbage", "Shared By Mate"),
                cards.stream().map(card -> card.getFormattedName().getValue()).collect(Collectors.toSet()));
        assertTrue(cards.stream().allMatch(card -> card.getVersion() == VCardVersion.V4_0));
        VCard card = cards.stream().filter(c -> c.getFormattedName().getValue().equals("Ada Lovelace")).findFirst()
                .orElseThrow();
        assertEquals("urn:uuid:" + ada.getString("id"), card.getUid().getValue());
        assertEquals(List.of("ada@engines.example", "ada@home.example"),
                card.getEmails().stream().map(Email::getValue).toList());
        assertEquals("0812-3456-7890", card.getTelephoneNumbers().get(0).getText());
        assertEquals("Analytical Engines", card.getOrganization().getValues().get(0));
        assertEquals(List.of("vip"), card.getCategories().getValues());
        assertEquals(12, card.getBirthday().getPartialDate().getMonth());

        List<VCard> three = Ezvcard.parse(exported(owner, "?format=vcard3").body()).all();
        assertEquals(3, three.size());
        assertTrue(three.stream().allMatch(c -> c.getVersion() == VCardVersion.V3_0));
        assertEquals(List.of("Charles Babbage"), Ezvcard.parse(exported(owner, "?q=babb").body()).all().stream()
                .map(c -> c.getFormattedName().getValue()).toList(), "a search's result");
        assertInvalidField(exported(owner, "?format=csv2"), "format");
    }

    private HttpResponse<String> exported(User user, String query) {
        return visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/contacts/export" + query))
                .header("Authorization", Visitor.basic(user.email(), PASSWORD)).GET());
    }

    private User signUp(String who) {
        String email = uniqueEmail(who);
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + who + "\"}");
        return new User(email, uuid(ok(201, created).getString("id")));
    }

    private HttpResponse<String> call(User user, String method, String path, String json) {
        return visitor.sendJson(method, path, json, user.email(), PASSWORD);
    }

    private HttpResponse<String> ifNoneMatch(User user, String tag) {
        return visitor.send(HttpRequest.newBuilder(visitor.resolve("/api/metadata"))
                .header("Authorization", Visitor.basic(user.email(), PASSWORD)).header("If-None-Match", tag).GET());
    }

    private JsonObject metadataOf(User user) {
        return ok(200, call(user, "GET", "/api/metadata", null));
    }

    private JsonObject createContact(User user, String name) {
        return ok(201, call(user, "POST", "/api/contacts", "{\"name\":\"" + name + "\"}"));
    }

    private JsonObject createContactWith(User user, String json) {
        return ok(201, call(user, "POST", "/api/contacts", json));
    }

    /** A team owned by {@code owner} with {@code member} in it; its id. */
    private String teamOf(User owner, User member) {
        String team = ok(201, call(owner, "POST", "/api/teams", "{\"name\":\"Team of " + owner.email() + "\"}")).getString("id");
        ok(201, call(owner, "POST", "/api/teams/" + team + "/members", "{\"email\":\"" + member.email() + "\"}"));
        return team;
    }

    private void share(User owner, String contactId, String team) {
        ok(200, call(owner, "PUT", "/api/contacts/" + contactId + "/team", "{\"teamId\":\"" + team + "\"}"));
    }

    private JsonObject search(User user, String text, String more) {
        return ok(200, call(user, "GET", "/api/contacts?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + more, null));
    }

    /** Every page from the first on, following {@code link} ("next") as the {@code parameter} ("after"). */
    private List<JsonObject> walk(User user, String query, String link, String parameter) {
        JsonObject first = ok(200, call(user, "GET", "/api/contacts?" + query, null));
        return concat(first, walkFrom(user, query, first, link, parameter));
    }

    private List<JsonObject> walkFrom(User user, String query, JsonObject page, String link, String parameter) {
        List<JsonObject> pages = new ArrayList<>();
        while (!page.isNull(link)) {
            assertTrue(pages.size() < 100, "the walk ends");
            page = ok(200, call(user, "GET", "/api/contacts?" + query + "&" + parameter + "=" + page.getString(link), null));
            pages.add(page);
        }
        return pages;
    }

    /** From the last page back to the first by "previous", put back in reading order. */
    private List<JsonObject> walkBack(User user, String query, JsonObject last) {
        List<JsonObject> pages = new ArrayList<>(concat(last, walkFrom(user, query, last, "previous", "before")));
        java.util.Collections.reverse(pages);
        return pages;
    }

    private static List<JsonObject> concat(JsonObject first, List<JsonObject> rest) {
        List<JsonObject> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static List<String> ids(List<JsonObject> pages) {
        return pages.stream().flatMap(page -> page.getJsonArray("items").getValuesAs(JsonObject.class).stream())
                .map(contact -> contact.getString("id")).toList();
    }

    private static List<Integer> sizes(List<JsonObject> pages) {
        return pages.stream().map(page -> page.getJsonArray("items").size()).toList();
    }

    private static List<String> accessibleInOrder(User user, String sort) throws SQLException {
        return ListOrderModel.of(user.id(), sort);
    }

    private JsonObject logActivity(User user, String contactId, String type, String occurredAt) {
        return ok(201, call(user, "POST", "/api/contacts/" + contactId + "/activities", "{\"type\":\"" + type
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"summary\":\"" + type + " at " + occurredAt + "\"}"));
    }

    /** The metadata's cache version is higher than {@code previous}; returns it. */
    private long assertGrew(User user, long previous) {
        long current = cacheVersion(metadataOf(user));
        assertTrue(current > previous, current + " after " + previous);
        return current;
    }

    /** What a refused operation must not change: the contact, its activities, both users' metadata and access. */
    private static List<Map<String, Object>> snapshot(String contactId, User owner, User other) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(rows("SELECT * FROM contacts WHERE id = ?", uuid(contactId)));
        rows.addAll(rows("SELECT * FROM activities WHERE contact_id = ? ORDER BY id", uuid(contactId)));
        for (User user : List.of(owner, other)) {
            rows.addAll(rows("SELECT * FROM user_metadata WHERE user_id = ?", user.id()));
            rows.addAll(rows("SELECT * FROM user_contact_access WHERE user_id = ? ORDER BY contact_id", user.id()));
        }
        return rows;
    }

    private static void assertInvalidField(HttpResponse<String> answer, String field) {
        assertEquals(400, answer.statusCode(), answer.body());
        JsonObject error = json(answer);
        assertEquals("Invalid input.", error.getString("error"));
        assertTrue(error.getJsonObject("fields").containsKey(field), answer.body());
    }

    private static JsonObject ok(int status, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        return json(answer);
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return json(answer, JsonReader::readObject);
    }

    private static <T> T json(HttpResponse<String> answer, java.util.function.Function<JsonReader, T> read) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> answer.headers().map().toString());
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return read.apply(reader);
        }
    }

    private static long cacheVersion(JsonObject metadata) {
        return metadata.getJsonNumber("cacheVersion").longValue();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(c -> c.getString("name")).toList();
    }

    private static UUID uuid(String text) {
        return UUID.fromString(text);
    }

    private static Map<String, Object> row(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, parameters);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return (Long) row(sql, parameters).get("count");
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
