package dev.kontak.web.admin;

import static dev.kontak.web.testing.PageText.all;
import static dev.kontak.web.testing.PageText.find;
import static dev.kontak.web.testing.TestAccounts.ADMIN_EMAIL;
import static dev.kontak.web.testing.TestAccounts.ADMIN_PASSWORD;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestDatabase.count;
import static dev.kontak.web.testing.TestDatabase.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.KontakDeployment;
import dev.kontak.web.testing.PageText;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin pages over HTTP on Payara Micro against PostgreSQL: who may open them, the users' metadata table
 * (search, pages), one user's details and "Refresh now", the audit of access denials, and the batch actions over
 * every user (progress, refusal of a second run, cancel, summary).
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT {

    private static final String EMAILS = "class=\"user-email\" href=\"[^\"]*\">([^<]*)</a>";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return KontakDeployment.war();
    }

    @ArquillianResource
    URL base;

    URI root;

    @BeforeEach
    void root() throws Exception {
        root = base.toURI();
    }

    @Test
    void aUserWhoIsNotAnAdministratorGetsTheKontak403PageAndNoAdminLink() {
        Person user = signUp("notadmin");
        for (String page : List.of("/admin/metadata", "/admin/audit", "/admin/metadata/users/" + user.id)) {
            HttpResponse<String> refused = user.visitor.get(page);
            assertEquals(403, refused.statusCode(), page);
            assertEquals("You may not do that.", PageText.alert(refused), page);
        }
        user.visitor.get("/contacts");
        HttpResponse<String> post = user.visitor.submit("/admin/metadata/users/" + user.id + "/refresh", Map.of());
        assertEquals(403, post.statusCode());
        assertFalse(user.visitor.get("/contacts").body().contains("href=\"/admin/metadata\""));

        Visitor admin = admin();
        assertTrue(admin.get("/contacts").body().contains("href=\"/admin/metadata\""), "admins see a link");
        assertEquals(200, admin.get("/admin/metadata").statusCode());
        Visitor anonymous = new Visitor(root);
        HttpResponse<String> notSignedIn = anonymous.get("/admin/metadata");
        assertEquals(302, notSignedIn.statusCode());
        assertTrue(notSignedIn.headers().firstValue("Location").orElseThrow().endsWith("/login"));
    }

    @Test
    void theTableIsSearchedByAnyPartOfTheEmailInAnyCaseAndPagedByFifty() throws SQLException {
        String tag = "pager" + UUID.randomUUID().toString().substring(0, 6);
        List<String> emails = IntStream.rangeClosed(1, 51).mapToObj(i -> String.format("%s-%02d@kontak.test", tag, i)).toList();
        emails.forEach(email -> signUp(email, "Pager"));
        Visitor admin = admin();

        HttpResponse<String> first = admin.get("/admin/metadata?q=" + tag.toUpperCase());
        assertEquals(emails.subList(0, 50), all(first.body(), EMAILS));
        assertEquals("51 users", find(first.body(), "<p class=\"count\">([^<]*)</p>"));
        assertEquals("Page 1 of 2", find(first.body(), "<span class=\"page-number\">([^<]*)</span>"));
        HttpResponse<String> second = admin.get("/admin/metadata?q=" + tag + "&page=2");
        assertEquals(List.of(emails.get(50)), all(second.body(), EMAILS));
        assertEquals(List.of(emails.get(7)), all(admin.get("/admin/metadata?q=" + tag + "-08").body(), EMAILS));

        List<String> versions = all(first.body(), "<td class=\"version\">([^<]*)</td>");
        assertEquals(50, versions.size());
        assertEquals(String.valueOf(value("SELECT cache_version FROM user_metadata m JOIN users u ON u.id = m.user_id "
                + "WHERE u.email = ?", emails.get(0))), versions.get(0));
        assertEquals("0 / 0", find(first.body(), "<td class=\"counts\">([^<]*)</td>"));
        assertEquals("Not checked", find(first.body(), "<td class=\"checksum-state\">([^<]*)</td>"));

        assertEquals("No users match.", find(admin.get("/admin/metadata?q=%25").body(), "<p class=\"empty\">([^<]*)</p>"),
                "a % is a character to look for, not a wildcard");
        HttpResponse<String> tooLong = admin.get("/admin/metadata?q=" + "x".repeat(101));
        assertEquals(400, tooLong.statusCode());
        assertEquals("Search for at most 100 characters.", find(tooLong.body(), "<p id=\"q-error\" class=\"field-error\">([^<]*)</p>"));

        execute("DELETE FROM user_metadata WHERE user_id = (SELECT id FROM users WHERE email = ?)", emails.get(3));
        HttpResponse<String> missing = admin.get("/admin/metadata?q=" + tag + "-04");
        assertEquals("missing", find(missing.body(), "<td class=\"age\">([^<]*)</td>"));
    }

    @Test
    void detailsShowEveryColumnAndRefreshNowRecomputesFromTheData() throws SQLException {
        Person owner = signUp("refreshed");
        owner.visitor.get("/contacts/new");
        assertEquals(303, owner.visitor.submit("/contacts/new", Map.of("name", "Ada Lovelace")).statusCode());
        execute("UPDATE user_metadata SET contact_count = 99, data_checksum = '0000000000000000' WHERE user_id = ?", owner.id);
        Visitor admin = admin();

        HttpResponse<String> details = admin.get("/admin/metadata/users/" + owner.id);
        assertEquals(200, details.statusCode());
        assertEquals(owner.email, find(details.body(), "<h1>([^<]*)</h1>"));
        assertEquals("99", find(details.body(), "<dd id=\"contact-count\">([^<]*)</dd>"));
        assertEquals("0000000000000000", find(details.body(), "<dd id=\"data-checksum\" class=\"mono\">([^<]*)</dd>"));
        long before = count("SELECT cache_version FROM user_metadata WHERE user_id = ?", owner.id);

        HttpResponse<String> refresh = admin.submit("/admin/metadata/users/" + owner.id + "/refresh", Map.of());
        assertEquals(303, refresh.statusCode());
        long after = count("SELECT cache_version FROM user_metadata WHERE user_id = ?", owner.id);
        assertEquals(before + 1, after);
        HttpResponse<String> refreshed = admin.get(refresh.headers().firstValue("Location").orElseThrow());
        assertEquals("Refreshed from the data: cache_version is now " + after + ".",
                find(refreshed.body(), "<p class=\"note refreshed\" role=\"status\">([^<]*)</p>"));
        assertEquals("1", find(refreshed.body(), "<dd id=\"contact-count\">([^<]*)</dd>"));
        assertEquals(String.valueOf(after), find(refreshed.body(), "<dd id=\"cache-version\">([^<]*)</dd>"));
        assertEquals(1, count("SELECT contact_count FROM user_metadata WHERE user_id = ?", owner.id));
        assertNotNull(value("SELECT refreshed_at FROM metadata_checks WHERE user_id = ?", owner.id));

        execute("DELETE FROM user_metadata WHERE user_id = ?", owner.id);
        assertTrue(admin.get("/admin/metadata/users/" + owner.id).body().contains("This user has no metadata row"));
        assertEquals(303, admin.submit("/admin/metadata/users/" + owner.id + "/refresh", Map.of()).statusCode());
        assertEquals(1, count("SELECT contact_count FROM user_metadata WHERE user_id = ?", owner.id), "created again");

        UUID nobody = UUID.randomUUID();
        assertEquals(404, admin.get("/admin/metadata/users/" + nobody).statusCode());
        assertEquals(404, admin.get("/admin/metadata/users/not-a-uuid").statusCode());
        admin.get("/admin/metadata");
        assertEquals(404, admin.submit("/admin/metadata/users/" + nobody + "/refresh", Map.of()).statusCode());
        assertEquals(0, count("SELECT count(*) FROM user_metadata WHERE user_id = ?", nobody));
        assertEquals(403, admin.post("/admin/metadata/users/" + owner.id + "/refresh", Map.of()).statusCode(),
                "without the CSRF token");
    }

    private Visitor admin() {
        Visitor admin = new Visitor(root);
        admin.get("/login");
        assertEquals(303, admin.submit("/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).statusCode());
        return admin;
    }

    private Person signUp(String who) {
        return signUp(TestAccounts.uniqueEmail(who), who);
    }

    private Person signUp(String email, String name) {
        Visitor visitor = new Visitor(root);
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + name + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        visitor.get("/login");
        assertEquals(303, visitor.submit("/login", Map.of("email", email, "password", PASSWORD)).statusCode());
        return new Person(visitor, email, UUID.fromString(find(created.body(), "\"id\":\"([^\"]+)\"")));
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private record Person(Visitor visitor, String email, UUID id) {
    }
}
