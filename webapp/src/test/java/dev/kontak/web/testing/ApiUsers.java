package dev.kontak.web.testing;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/** Accounts signed up through the API, and their calls to it with HTTP Basic: what API tests do as a user. */
public final class ApiUsers {

    /** An account, by the e-mail it signs in with. */
    public record User(String email, UUID id) {
    }

    private final Visitor visitor;

    public ApiUsers(Visitor visitor) {
        this.visitor = visitor;
    }

    public User signUp(String who) {
        String email = uniqueEmail(who);
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + who + "\"}");
        return new User(email, UUID.fromString(ok(201, created).getString("id")));
    }

    /** A new team of the owner's with the member in it; its id. */
    public String teamOf(User owner, User member) {
        String team = ok(201, call(owner, "POST", "/api/teams", "{\"name\":\"Team of " + owner.email() + "\"}"))
                .getString("id");
        ok(201, call(owner, "POST", "/api/teams/" + team + "/members", "{\"email\":\"" + member.email() + "\"}"));
        return team;
    }

    public HttpResponse<String> call(User user, String method, String path, String json) {
        return visitor.sendJson(method, path, json, user.email(), PASSWORD);
    }

    /** The user's metadata is what a full recompute makes of the data: a refresh changes nothing but the version. */
    public void assertMetadataIsAFullRecompute(User user) {
        JsonObject before = ok(200, call(user, "GET", "/api/metadata", null));
        JsonObject after = ok(200, call(user, "POST", "/api/metadata/refresh", null));
        for (String field : List.of("contactIds", "contactCount", "activityCount", "teamIds", "dataChecksum")) {
            assertEquals(before.get(field), after.get(field), field + " of " + user.email());
        }
    }

    public static JsonObject ok(int status, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        return json(answer);
    }

    public static JsonObject json(HttpResponse<String> answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}
