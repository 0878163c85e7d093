package dev.kontak.web.admin;

import static dev.kontak.web.testing.PageText.all;
import static dev.kontak.web.testing.PageText.find;
import static dev.kontak.web.testing.TestAccounts.ADMIN_EMAIL;
import static dev.kontak.web.testing.TestAccounts.ADMIN_PASSWORD;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestDatabase.count;
import static dev.kontak.web.testing.TestDatabase.value;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.PageText;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin pages over HTTP on Payara Micro against PostgreSQL: who may open them, the users' metadata table
 * (search, pages), one user's details and "Refresh now", the audit of access denials, and the batch actions over
 * every user (progress, refusal of a second run, cancel, summary).
 */
class AdminPagesIT {

    private static final String EMAILS = "class=\"user-email\" href=\"[^\"]*\">([^<]*)</a>";

    URL base = SharedKontak.url();

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

    @Test
    void progressOfARunOnAnotherNodeIsReadFromTheDatabaseAndASecondStartIsRefused() throws SQLException {
        UUID run = UUID.randomUUID();
        holdAllUsersLease("node-b/1", "1 minute");
        execute("INSERT INTO job_runs (id, kind, lease, started_by, node, total, done, started_at, updated_at) "
                + "VALUES (?, 'refresh-all-users', 'metadata-all-users', (SELECT id FROM users WHERE email = ?), "
                + "'node-b/1', 3000, 1200, now() - interval '20 seconds', now())", run, ADMIN_EMAIL);
        Visitor admin = admin();
        try {
            HttpResponse<String> page = admin.get("/admin/metadata");
            assertEquals("Refresh all: running, started by " + ADMIN_EMAIL, find(page.body(), "<p class=\"batch-title\">([^<]*)</p>"));
            assertTrue(page.body().contains("<progress id=\"batch-bar\" max=\"3000\" value=\"1200\""), "the bar shows 1200 of 3000");
            assertTrue(find(page.body(), "<p id=\"batch-status\" role=\"status\">([^<]*)</p>")
                    .matches("1,200 of 3,000 users \u00b7 [0-9.]+ users/s \u00b7 about .+ left"));
            JsonObject progress = progress(admin);
            assertTrue(progress.getBoolean("running"));
            assertEquals(1200, progress.getInt("done"));
            assertEquals(3000, progress.getInt("total"));

            HttpResponse<String> refused = admin.submit("/admin/metadata/batch", Map.of("kind", "VERIFY"));
            assertEquals(409, refused.statusCode());
            assertEquals("A run over every user is already in progress. Wait for it to end, or cancel it, before starting another.",
                    PageText.alert(refused));
            assertEquals(1, count("SELECT count(*) FROM job_runs WHERE lease = 'metadata-all-users' AND outcome IS NULL"),
                    "nothing started");

            assertEquals(303, admin.submit("/admin/metadata/batch/cancel", Map.of("run", run.toString())).statusCode());
            assertEquals(Boolean.TRUE, value("SELECT cancel_requested FROM job_runs WHERE id = ?", run));
            assertTrue(admin.get("/admin/metadata").body().contains("Stopping after the current batch"));
        } finally {
            execute("UPDATE job_runs SET outcome = 'CANCELLED', finished_at = now() WHERE id = ?", run);
            holdAllUsersLease("node-b/1", "-1 second");
        }
        HttpResponse<String> tooLate = admin.submit("/admin/metadata/batch/cancel", Map.of("run", run.toString()));
        assertEquals(409, tooLate.statusCode());
        assertEquals("That run has already ended.", PageText.alert(tooLate));
        assertEquals(400, admin.submit("/admin/metadata/batch", Map.of("kind", "EVERYTHING")).statusCode());
        assertEquals(400, admin.submit("/admin/metadata/batch/cancel", Map.of("run", "not-a-run")).statusCode());
    }

    @Test
    void aRunWhoseNodeDiedNoLongerBlocksTheNextOneAndEndsAsInterrupted() throws Exception {
        UUID dead = UUID.randomUUID();
        holdAllUsersLease("node-gone/1", "-1 minute");
        execute("INSERT INTO job_runs (id, kind, lease, started_by, node, total, done, started_at, updated_at) "
                + "VALUES (?, 'verify-all-users', 'metadata-all-users', (SELECT id FROM users WHERE email = ?), "
                + "'node-gone/1', 3000, 700, now() - interval '10 minutes', now() - interval '3 minutes')", dead, ADMIN_EMAIL);
        Visitor admin = admin();

        assertEquals(303, admin.submit("/admin/metadata/batch", Map.of("kind", "VERIFY")).statusCode(),
                "the lease expired with its node");
        assertEquals("INTERRUPTED", value("SELECT outcome FROM job_runs WHERE id = ?", dead));
        JsonObject next = awaitEnd(admin, UUID.fromString(progress(admin).getString("id")));
        assertTrue(next.getString("status").startsWith("Verify integrity of all users (completed)"), next.getString("status"));
    }

    @Test
    void anInterruptedRunIsResumedFromThePageFromWhereItStopped() throws Exception {
        signUp("resumed");
        long users = count("SELECT count(*) FROM users");
        UUID checkpoint = (UUID) value("SELECT id FROM users ORDER BY id OFFSET 1 LIMIT 1");
        UUID stopped = UUID.randomUUID();
        execute("INSERT INTO job_runs (id, kind, lease, started_by, node, total, done, noticed, changed, checkpoint, "
                + "started_at, updated_at, finished_at, outcome) VALUES (?, 'verify-all-users', 'metadata-all-users', "
                + "(SELECT id FROM users WHERE email = ?), 'node-gone/1', ?, 2, 1, 1, ?, now(), "
                + "now(), now(), 'INTERRUPTED')", stopped, ADMIN_EMAIL, users, checkpoint.toString());
        Visitor admin = admin();
        HttpResponse<String> page = admin.get("/admin/metadata");
        assertTrue(find(page.body(), "<p id=\"batch-summary\" class=\"note\">([^<]*)</p>")
                .startsWith("Verify integrity of all users (interrupted: its node stopped or a step failed)"));
        assertTrue(page.body().contains("Resume from where it stopped"), "the interrupted run offers to resume");

        assertEquals(303, admin.submit("/admin/metadata/batch/resume", Map.of("run", stopped.toString())).statusCode());

        JsonObject resumed = awaitEnd(admin, UUID.fromString(progress(admin).getString("id")));
        assertTrue(resumed.getString("status").startsWith("Verify integrity of all users (completed)"), resumed.getString("status"));
        assertEquals(users, resumed.getInt("done"), "the two users before the checkpoint and every one after it");
        assertEquals(stopped, value("SELECT resumes FROM job_runs WHERE id = ?", UUID.fromString(resumed.getString("id"))));
        HttpResponse<String> again = admin.submit("/admin/metadata/batch/resume", Map.of("run", stopped.toString()));
        assertEquals(409, again.statusCode(), "only the latest run, once interrupted");
        assertEquals("Only the latest run, once interrupted, can be resumed; start a new run instead.", PageText.alert(again));
    }

    @Test
    void verifyingAllUsersRepairsWhatDriftedCanBeCancelledAndLeavesASummary() throws Exception {
        Person drifted = signUp("drifted");
        drifted.visitor.get("/contacts/new");
        assertEquals(303, drifted.visitor.submit("/contacts/new", Map.of("name", "Emmy Noether")).statusCode());
        Person missing = signUp("missing");
        Person intact = signUp("intact");
        Visitor admin = admin();

        UUID first = (UUID) value("SELECT id FROM users ORDER BY id LIMIT 1");
        // the first user's row must exist to be locked: an earlier test may have left it missing on purpose
        value("SELECT count(*) FROM refresh_user_metadata(?)", first);
        execute("UPDATE user_metadata SET contact_count = 7 WHERE user_id = ?", first);
        UUID blocked;
        try (Connection lock = TestDatabase.connect()) {
            lock.setAutoCommit(false);
            try (PreparedStatement hold = lock.prepareStatement("SELECT * FROM user_metadata WHERE user_id = ? FOR UPDATE")) {
                hold.setObject(1, first);
                hold.executeQuery();
            }
            // the run finds the first user drifted and waits for this lock to repair them: it is caught running
            assertEquals(303, admin.submit("/admin/metadata/batch", Map.of("kind", "VERIFY")).statusCode());
            HttpResponse<String> running = admin.get("/admin/metadata");
            assertEquals("Verify integrity of all users: running, started by " + ADMIN_EMAIL,
                    find(running.body(), "<p class=\"batch-title\">([^<]*)</p>"));
            blocked = UUID.fromString(progress(admin).getString("id"));
            HttpResponse<String> second = admin.submit("/admin/metadata/batch", Map.of("kind", "REFRESH"));
            assertEquals(409, second.statusCode(), "one run at a time");
            assertEquals(303, admin.submit("/admin/metadata/batch/cancel", Map.of("run", blocked.toString())).statusCode());
            lock.rollback();
        }
        JsonObject cancelled = awaitEnd(admin, blocked);
        assertEquals(5, cancelled.getInt("done"), "stopped after the batch in hand");
        assertTrue(cancelled.getString("status").startsWith("Verify integrity of all users (cancelled), started by " + ADMIN_EMAIL),
                cancelled.getString("status"));
        assertEquals("CANCELLED", value("SELECT outcome FROM job_runs WHERE id = ?", blocked));

        execute("UPDATE user_metadata SET data_checksum = '0000000000000000' WHERE user_id = ?", drifted.id);
        execute("DELETE FROM user_metadata WHERE user_id = ?", missing.id);
        long users = count("SELECT count(*) FROM users");
        assertEquals(303, admin.submit("/admin/metadata/batch", Map.of("kind", "VERIFY")).statusCode());
        UUID full = UUID.fromString(progress(admin).getString("id"));
        JsonObject done = awaitEnd(admin, full);
        assertEquals(users, done.getInt("done"));
        assertEquals(users, done.getInt("total"));
        assertEquals(0, done.getInt("failures"));
        assertTrue(done.getInt("drifted") >= 2, done.toString());
        String summary = find(admin.get("/admin/metadata").body(), "<p id=\"batch-summary\" class=\"note\">([^<]*)</p>");
        assertTrue(summary.matches("Verify integrity of all users \\(completed\\), started by " + ADMIN_EMAIL
                + " at .* UTC: " + String.format("%,d of %,d", users, users) + " users checked, \\d+ drifted, \\d+ repaired, 0 failures in .*"),
                summary);
        assertEquals("REPAIRED", value("SELECT outcome FROM metadata_checks WHERE user_id = ?", drifted.id));
        assertEquals("data_checksum", value("SELECT drifted_columns FROM metadata_checks WHERE user_id = ?", drifted.id));
        assertEquals("REPAIRED", value("SELECT outcome FROM metadata_checks WHERE user_id = ?", missing.id));
        assertEquals(1, count("SELECT count(*) FROM user_metadata WHERE user_id = ?", missing.id), "the missing row is back");
        assertEquals("MATCHED", value("SELECT outcome FROM metadata_checks WHERE user_id = ?", intact.id));
        assertEquals(1, count("SELECT contact_count FROM user_metadata WHERE user_id = ?", drifted.id));
        assertEquals(List.of("Drifted, repaired"), all(admin.get("/admin/metadata?q=" + drifted.email).body(),
                "<td class=\"checksum-state\">([^<]*)</td>"));
        assertEquals(List.of("Matches the data"), all(admin.get("/admin/metadata?q=" + intact.email).body(),
                "<td class=\"checksum-state\">([^<]*)</td>"));

        long version = count("SELECT cache_version FROM user_metadata WHERE user_id = ?", intact.id);
        assertEquals(303, admin.submit("/admin/metadata/batch", Map.of("kind", "REFRESH")).statusCode());
        JsonObject refreshed = awaitEnd(admin, UUID.fromString(progress(admin).getString("id")));
        assertEquals(users, refreshed.getInt("done"));
        assertTrue(refreshed.getString("status").matches("Refresh all \\(completed\\), started by " + ADMIN_EMAIL
                + " at .* UTC: " + String.format("%,d of %,d", users, users) + " users refreshed, 0 failures in .*"),
                refreshed.getString("status"));
        assertEquals(version + 1, count("SELECT cache_version FROM user_metadata WHERE user_id = ?", intact.id));
        assertNotNull(value("SELECT refreshed_at FROM metadata_checks WHERE user_id = ?", intact.id));
    }

    @Test
    void theAuditListsAccessDenialsNewestFirstFilteredByUserAndTime() throws SQLException {
        Person owner = signUp("owner");
        owner.visitor.get("/contacts/new");
        HttpResponse<String> created = owner.visitor.submit("/contacts/new", Map.of("name", "Lise Meitner"));
        String contact = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        Person intruder = signUp("intruder");
        Instant before = Instant.now().minusSeconds(60);
        assertEquals(403, intruder.visitor.get("/contacts/" + contact).statusCode());
        intruder.visitor.get("/contacts");
        intruder.visitor.submit("/contacts/" + contact + "/delete", Map.of());
        Visitor admin = admin();

        HttpResponse<String> audit = admin.get("/admin/audit?user=" + intruder.email.toUpperCase());
        assertEquals(200, audit.statusCode());
        assertEquals(List.of(intruder.email, intruder.email), all(audit.body(), "<td class=\"user\">\\s*<a href=\"[^\"]*\">([^<]*)</a>"));
        assertEquals(List.of(contact, contact), all(audit.body(), "<td class=\"contact mono\">([^<]*)</td>"));
        assertEquals(List.of("DELETE", "VIEW"), all(audit.body(), "<td class=\"operation\">([^<]*)</td>"), "newest first");
        assertEquals("Contact not found in your authorized list.", find(audit.body(), "<td class=\"reason\">([^<]*)</td>"));
        assertTrue(audit.body().contains("href=\"/admin/metadata/users/" + intruder.id + "\""), "links to the user's details");

        String from = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC).format(before);
        String later = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC).format(before.plusSeconds(3600));
        assertEquals(2, all(admin.get("/admin/audit?user=" + intruder.email + "&from=" + from).body(),
                "<td class=\"operation\">([^<]*)</td>").size());
        assertEquals("No access denials.", find(admin.get("/admin/audit?user=" + intruder.email + "&from=" + later).body(),
                "<p class=\"empty\">([^<]*)</p>"));
        assertEquals("No access denials.", find(admin.get("/admin/audit?user=" + intruder.email + "&to=" + from).body(),
                "<p class=\"empty\">([^<]*)</p>"));
        assertEquals("No access denials.", find(admin.get("/admin/audit?user=" + owner.email).body(),
                "<p class=\"empty\">([^<]*)</p>"));

        HttpResponse<String> malformed = admin.get("/admin/audit?from=yesterday&to=" + from);
        assertEquals(400, malformed.statusCode());
        assertEquals("Enter a date and time such as 2026-11-26T20:13.", PageText.fieldError(malformed, "from"));
        assertFalse(malformed.body().contains("class=\"refusal\""), "nothing listed");
        HttpResponse<String> backwards = admin.get("/admin/audit?from=" + later + "&to=" + from);
        assertEquals(400, backwards.statusCode());
        assertEquals("The end must be after the start.", PageText.fieldError(backwards, "to"));
        assertEquals(400, admin.get("/admin/audit?user=" + "y".repeat(101)).statusCode());

        HttpResponse<String> details = admin.get("/admin/metadata/users/" + intruder.id);
        assertEquals(List.of("DELETE", "VIEW"), all(details.body(), "<td class=\"operation\">([^<]*)</td>"));
    }

    @Test
    void theFiguresAndChartsDescribeTheDatabase() throws SQLException {
        Person owner = signUp("counted");
        owner.visitor.get("/contacts/new");
        HttpResponse<String> created = owner.visitor.submit("/contacts/new", Map.of("name", "Chien-Shiung Wu"));
        String contact = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        Person stranger = signUp("stranger");
        assertEquals(403, stranger.visitor.get("/contacts/" + contact).statusCode());
        execute("DELETE FROM user_metadata WHERE user_id = ?", stranger.id);
        Visitor admin = admin();

        String page = admin.get("/admin/metadata").body();

        assertEquals(String.format("%,d", count("SELECT count(*) FROM users")), figure(page, "total-users"));
        assertEquals(String.format("%,d", count("SELECT count(*) FROM contacts")), figure(page, "total-contacts"));
        assertEquals(String.format("%,d", count("SELECT count(*) FROM activities")), figure(page, "total-activities"));
        long missing = count("SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_metadata m WHERE m.user_id = u.id)");
        assertTrue(missing >= 1);
        assertEquals(String.format("%,d", missing), figure(page, "rows-missing"));
        long rows = count("SELECT count(*) FROM user_metadata");
        assertEquals(rows, number(figure(page, "rows-fresh")) + number(figure(page, "rows-stale")));

        assertEquals(List.of("ages", "refreshes", "denials"), all(page, "<figure class=\"chart ([a-z]+)\""));
        List<Long> ages = barCounts(page, "ages");
        assertEquals(rows, ages.stream().mapToLong(Long::longValue).sum(), "every row is in one age bucket");
        assertEquals(24, barCounts(page, "refreshes").size());
        List<Long> denials = barCounts(page, "denials");
        assertEquals(24, denials.size());
        assertTrue(denials.get(23) >= 1, "this hour's bar counts the refusal: " + denials);
        assertTrue(page.contains("<tr id=\"errors-access-denied\">"));
        assertTrue(page.contains("<tr id=\"errors-stale-form\">"));
        assertTrue(page.contains("<tr id=\"errors-refresh-failed\">"));
        assertTrue(find(page, "<tr id=\"errors-access-denied\">\\s*<th scope=\"row\">Access denials</th>\\s*<td class=\"number\">(\\d+) per hour</td>")
                .matches("[1-9]\\d*"));
        assertFalse(all(page, "<td class=\"number hit-rate\">([^<]*)</td>").isEmpty(), "this node reports its cache");
        assertFalse(page.contains("style="), "no inline style: the CSP forbids it");
    }

    private static String figure(String page, String id) {
        return find(page, "<span class=\"figure\" id=\"" + id + "\">([^<]*)</span>");
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }

    /** The counts of one chart's bars, read from their labels ("label: count"). */
    private static List<Long> barCounts(String page, String chart) {
        String svg = find(page, "(?s)<figure class=\"chart " + chart + "\">(.*?)</figure>");
        return all(svg, "<rect class=\"bar\" role=\"img\" [^>]*aria-label=\"[^\"]*: (\\d+)\"").stream().map(Long::parseLong).toList();
    }

    private static JsonObject progress(Visitor admin) {
        HttpResponse<String> answer = admin.get("/admin/metadata/batch");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** Polls the progress answer until the run has ended, as js/batch.js does. */
    private static JsonObject awaitEnd(Visitor admin, UUID run) {
        JsonObject ended = await("run " + run + " ends").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> progress(admin), progress -> !progress.getBoolean("running"));
        assertEquals(run.toString(), ended.getString("id"));
        return ended;
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

    /** Sets the lease of the runs over every user, held by {@code holder} for {@code interval} from now. */
    private static void holdAllUsersLease(String holder, String interval) throws SQLException {
        execute("INSERT INTO job_leases (name, holder, held_until) VALUES ('metadata-all-users', ?, now() + ?::interval) "
                + "ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, held_until = EXCLUDED.held_until",
                holder, interval);
    }
}
