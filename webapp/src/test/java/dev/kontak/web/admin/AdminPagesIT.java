package dev.kontak.web.admin;

import static dev.kontak.web.testing.Page.text;
import static dev.kontak.web.testing.Page.texts;
import static dev.kontak.web.testing.TestAccounts.ADMIN_EMAIL;
import static dev.kontak.web.testing.TestAccounts.ADMIN_PASSWORD;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestDatabase.count;
import static dev.kontak.web.testing.TestDatabase.value;
import static dev.kontak.web.testing.TextPattern.find;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.Page;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin pages over HTTP on Payara Micro against PostgreSQL: who may open them, the users' metadata table
 * (search, pages), one user's details and "Refresh now", the audit of access denials, and the batch actions over
 * every user (progress, refusal of a second run, cancel, summary).
 */
class AdminPagesIT {

    private static final String EMAILS = "tr.user-line a.user-email";

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
            assertEquals("You may not do that.", Page.alert(refused), page);
        }
        user.visitor.get("/contacts");
        HttpResponse<String> post = user.visitor.submit("/admin/metadata/users/" + user.id + "/refresh", Map.of());
        assertEquals(403, post.statusCode());
        assertTrue(Page.of(user.visitor.get("/contacts")).select("a[href=/admin/metadata]").isEmpty());

        Visitor admin = admin();
        assertEquals("Admin", text(admin.get("/contacts"), "nav.sections a[href=/admin/metadata]"), "admins see a link");
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
        assertEquals(emails.subList(0, 50), texts(first, EMAILS));
        assertEquals("51 users", text(first, "p.count"));
        assertEquals("Page 1 of 2", text(first, "nav.pager span.page-number"));
        HttpResponse<String> second = admin.get("/admin/metadata?q=" + tag + "&page=2");
        assertEquals(List.of(emails.get(50)), texts(second, EMAILS));
        assertEquals(List.of(emails.get(7)), texts(admin.get("/admin/metadata?q=" + tag + "-08"), EMAILS));

        List<String> versions = texts(first, "tr.user-line td.version");
        assertEquals(50, versions.size());
        assertEquals(String.valueOf(value("SELECT cache_version FROM user_metadata m JOIN users u ON u.id = m.user_id "
                + "WHERE u.email = ?", emails.get(0))), versions.get(0));
        assertEquals("0 / 0", text(first, "tr.user-line td.counts"));
        assertEquals("Not checked", text(first, "tr.user-line td.checksum-state"));

        assertEquals("No users match.", text(admin.get("/admin/metadata?q=%25"), "p.empty"),
                "a % is a character to look for, not a wildcard");
        HttpResponse<String> tooLong = admin.get("/admin/metadata?q=" + "x".repeat(101));
        assertEquals(400, tooLong.statusCode());
        assertEquals("Search for at most 100 characters.", Page.fieldError(tooLong, "q"));

        execute("DELETE FROM user_metadata WHERE user_id = (SELECT id FROM users WHERE email = ?)", emails.get(3));
        HttpResponse<String> missing = admin.get("/admin/metadata?q=" + tag + "-04");
        assertEquals(List.of("missing"), texts(missing, "tr.user-line td.age"));
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
        assertEquals(owner.email, text(details, "h1"));
        assertEquals("99", text(details, "dd#contact-count"));
        assertEquals("0000000000000000", text(details, "dd#data-checksum"));
        long before = count("SELECT cache_version FROM user_metadata WHERE user_id = ?", owner.id);

        HttpResponse<String> refresh = admin.submit("/admin/metadata/users/" + owner.id + "/refresh", Map.of());
        assertEquals(303, refresh.statusCode());
        long after = count("SELECT cache_version FROM user_metadata WHERE user_id = ?", owner.id);
        assertEquals(before + 1, after);
        HttpResponse<String> refreshed = admin.get(refresh.headers().firstValue("Location").orElseThrow());
        assertEquals("Refreshed from the data: cache_version is now " + after + ".",
                text(refreshed, "p.refreshed[role=status]"));
        assertEquals("1", text(refreshed, "dd#contact-count"));
        assertEquals(String.valueOf(after), text(refreshed, "dd#cache-version"));
        assertEquals(1, count("SELECT contact_count FROM user_metadata WHERE user_id = ?", owner.id));
        assertNotNull(value("SELECT refreshed_at FROM metadata_checks WHERE user_id = ?", owner.id));

        execute("DELETE FROM user_metadata WHERE user_id = ?", owner.id);
        HttpResponse<String> noRow = admin.get("/admin/metadata/users/" + owner.id);
        assertTrue(Page.alert(noRow).startsWith("This user has no metadata row"), noRow.body());
        assertTrue(Page.of(noRow).select("dl.metadata").isEmpty(), "no columns to show");
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
            Document page = Page.of(admin.get("/admin/metadata"));
            assertEquals("Refresh all: running, started by " + ADMIN_EMAIL, page.expectFirst("#batch-progress p.batch-title").text());
            Element bar = page.expectFirst("progress#batch-bar");
            assertEquals(List.of("3000", "1200"), List.of(bar.attr("max"), bar.attr("value")), "the bar shows 1200 of 3000");
            String status = page.expectFirst("p#batch-status[role=status]").text();
            assertTrue(status.matches("1,200 of 3,000 users \u00b7 [0-9.]+ users/s \u00b7 about .+ left"), status);
            JsonObject progress = progress(admin);
            assertTrue(progress.getBoolean("running"));
            assertEquals(1200, progress.getInt("done"));
            assertEquals(3000, progress.getInt("total"));

            HttpResponse<String> refused = admin.submit("/admin/metadata/batch", Map.of("kind", "VERIFY"));
            assertEquals(409, refused.statusCode());
            assertEquals("A run over every user is already in progress. Wait for it to end, or cancel it, before starting another.",
                    Page.alert(refused));
            assertEquals(1, count("SELECT count(*) FROM job_runs WHERE lease = 'metadata-all-users' AND outcome IS NULL"),
                    "nothing started");

            assertEquals(303, admin.submit("/admin/metadata/batch/cancel", Map.of("run", run.toString())).statusCode());
            assertEquals(Boolean.TRUE, value("SELECT cancel_requested FROM job_runs WHERE id = ?", run));
            HttpResponse<String> stopping = admin.get("/admin/metadata");
            assertEquals("Stopping after the current batch\u2026", text(stopping, "#batch-progress p.note"));
            assertTrue(Page.of(stopping).select("form.cancel-batch").isEmpty(), "cancelled once");
        } finally {
            execute("UPDATE job_runs SET outcome = 'CANCELLED', finished_at = now() WHERE id = ?", run);
            holdAllUsersLease("node-b/1", "-1 second");
        }
        HttpResponse<String> tooLate = admin.submit("/admin/metadata/batch/cancel", Map.of("run", run.toString()));
        assertEquals(409, tooLate.statusCode());
        assertEquals("That run has already ended.", Page.alert(tooLate));
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
        Document page = Page.of(admin.get("/admin/metadata"));
        assertTrue(page.expectFirst("p#batch-summary").text()
                .startsWith("Verify integrity of all users (interrupted: its node stopped or a step failed)"));
        Element resume = page.expectFirst("form.resume-batch");
        assertEquals("Resume from where it stopped", resume.expectFirst("button").text(), "the interrupted run offers to resume");
        assertEquals(stopped.toString(), resume.expectFirst("input[name=run]").val());

        assertEquals(303, admin.submit(resume.attr("action"), Map.of("run", stopped.toString())).statusCode());

        JsonObject resumed = awaitEnd(admin, UUID.fromString(progress(admin).getString("id")));
        assertTrue(resumed.getString("status").startsWith("Verify integrity of all users (completed)"), resumed.getString("status"));
        assertEquals(users, resumed.getInt("done"), "the two users before the checkpoint and every one after it");
        assertEquals(stopped, value("SELECT resumes FROM job_runs WHERE id = ?", UUID.fromString(resumed.getString("id"))));
        HttpResponse<String> again = admin.submit("/admin/metadata/batch/resume", Map.of("run", stopped.toString()));
        assertEquals(409, again.statusCode(), "only the latest run, once interrupted");
        assertEquals("Only the latest run, once interrupted, can be resumed; start a new run instead.", Page.alert(again));
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
                    text(running, "#batch-progress p.batch-title"));
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
        String summary = text(admin.get("/admin/metadata"), "p#batch-summary");
        assertTrue(summary.matches("Verify integrity of all users \\(completed\\), started by " + ADMIN_EMAIL
                + " at .* UTC: " + String.format("%,d of %,d", users, users) + " users checked, \\d+ drifted, \\d+ repaired, 0 failures in .*"),
                summary);
        assertEquals("REPAIRED", value("SELECT outcome FROM metadata_checks WHERE user_id = ?", drifted.id));
        assertEquals("data_checksum", value("SELECT drifted_columns FROM metadata_checks WHERE user_id = ?", drifted.id));
        assertEquals("REPAIRED", value("SELECT outcome FROM metadata_checks WHERE user_id = ?", missing.id));
        assertEquals(1, count("SELECT count(*) FROM user_metadata WHERE user_id = ?", missing.id), "the missing row is back");
        assertEquals("MATCHED", value("SELECT outcome FROM metadata_checks WHERE user_id = ?", intact.id));
        assertEquals(1, count("SELECT contact_count FROM user_metadata WHERE user_id = ?", drifted.id));
        assertEquals(List.of("Drifted, repaired"), texts(admin.get("/admin/metadata?q=" + drifted.email),
                "tr.user-line td.checksum-state"));
        assertEquals(List.of("Matches the data"), texts(admin.get("/admin/metadata?q=" + intact.email),
                "tr.user-line td.checksum-state"));

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
        assertEquals(List.of(intruder.email, intruder.email), texts(audit, "tr.refusal td.user a"));
        assertEquals(List.of(contact, contact), texts(audit, "tr.refusal td.contact"));
        assertEquals(List.of("DELETE", "VIEW"), texts(audit, "tr.refusal td.operation"), "newest first");
        assertEquals("Contact not found in your authorized list.", text(audit, "tr.refusal td.reason"));
        String details = "/admin/metadata/users/" + intruder.id;
        assertEquals(List.of(details, details), Page.of(audit).select("tr.refusal td.user a").eachAttr("href"),
                "links to the user's details");

        String from = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC).format(before);
        String later = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC).format(before.plusSeconds(3600));
        assertEquals(2, texts(admin.get("/admin/audit?user=" + intruder.email + "&from=" + from), "tr.refusal td.operation")
                .size());
        assertEquals("No access denials.", text(admin.get("/admin/audit?user=" + intruder.email + "&from=" + later), "p.empty"));
        assertEquals("No access denials.", text(admin.get("/admin/audit?user=" + intruder.email + "&to=" + from), "p.empty"));
        assertEquals("No access denials.", text(admin.get("/admin/audit?user=" + owner.email), "p.empty"));

        HttpResponse<String> malformed = admin.get("/admin/audit?from=yesterday&to=" + from);
        assertEquals(400, malformed.statusCode());
        assertEquals("Enter a date and time such as 2026-11-26T20:13.", Page.fieldError(malformed, "from"));
        assertTrue(Page.of(malformed).select("tr.refusal").isEmpty(), "nothing listed");
        HttpResponse<String> backwards = admin.get("/admin/audit?from=" + later + "&to=" + from);
        assertEquals(400, backwards.statusCode());
        assertEquals("The end must be after the start.", Page.fieldError(backwards, "to"));
        assertEquals(400, admin.get("/admin/audit?user=" + "y".repeat(101)).statusCode());

        assertEquals(List.of("DELETE", "VIEW"), texts(admin.get(details), "tr.refusal td.operation"));
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

        Document page = Page.of(admin.get("/admin/metadata"));

        assertEquals(String.format("%,d", count("SELECT count(*) FROM users")), figure(page, "total-users"));
        assertEquals(String.format("%,d", count("SELECT count(*) FROM contacts")), figure(page, "total-contacts"));
        assertEquals(String.format("%,d", count("SELECT count(*) FROM activities")), figure(page, "total-activities"));
        long missing = count("SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_metadata m WHERE m.user_id = u.id)");
        assertTrue(missing >= 1);
        assertEquals(String.format("%,d", missing), figure(page, "rows-missing"));
        long rows = count("SELECT count(*) FROM user_metadata");
        assertEquals(rows, number(figure(page, "rows-fresh")) + number(figure(page, "rows-stale")));

        assertEquals(List.of("ages", "refreshes", "denials"), page.select("figure.chart").stream()
                .map(chart -> chart.classNames().stream().filter(name -> !name.equals("chart")).collect(Collectors.joining(" ")))
                .toList());
        List<Long> ages = barCounts(page, "ages");
        assertEquals(rows, ages.stream().mapToLong(Long::longValue).sum(), "every row is in one age bucket");
        assertEquals(24, barCounts(page, "refreshes").size());
        List<Long> denials = barCounts(page, "denials");
        assertEquals(24, denials.size());
        assertTrue(denials.get(23) >= 1, "this hour's bar counts the refusal: " + denials);
        for (String error : List.of("access-denied", "stale-form", "refresh-failed")) {
            assertNotNull(page.selectFirst("table.errors tr#errors-" + error), error);
        }
        Element denied = page.expectFirst("table.errors tr#errors-access-denied");
        assertEquals("Access denials", denied.expectFirst("th[scope=row]").text());
        String perHour = denied.expectFirst("td.number").text();
        assertTrue(perHour.matches("[1-9]\\d* per hour"), perHour);
        assertFalse(page.select("table.nodes td.number.hit-rate").isEmpty(), "this node reports its cache");
        assertTrue(page.select("[style], style").isEmpty(), "no inline style: the CSP forbids it");
    }

    private static String figure(Document page, String id) {
        return page.expectFirst("span.figure#" + id).text();
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }

    /** The counts of one chart's bars, read from their labels ("label: count"). */
    private static List<Long> barCounts(Document page, String chart) {
        return page.expectFirst("figure.chart." + chart).select("svg rect.bar[role=img]").eachAttr("aria-label").stream()
                .map(label -> Long.parseLong(find(label, ": (\\d+)$"))).toList();
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
