package dev.kontak.web.contacts;

import static dev.kontak.web.testing.Page.alert;
import static dev.kontak.web.testing.Page.fieldError;
import static dev.kontak.web.testing.Page.text;
import static dev.kontak.web.testing.Page.texts;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestAccounts.uniqueEmail;
import static dev.kontak.web.testing.TestDatabase.count;
import static dev.kontak.web.testing.TestDatabase.value;
import static dev.kontak.web.testing.TextPattern.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.EventStreamReader;
import dev.kontak.web.testing.ListOrderModel;
import dev.kontak.web.testing.Page;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.Visitor;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contact, activity and team pages as people use them over HTTP, on Payara Micro against PostgreSQL: what each
 * page shows, and what is (or is not) in the database afterwards.
 */
class ContactPagesIT {

    private static final String DENIED = "Access denied: Contact not found in your authorized list.";
    private static final String CONTACT_NAMES = "a.contact-name";

    URL base = SharedKontak.url();

    URI root;

    @BeforeEach
    void root() throws Exception {
        root = base.toURI();
    }

    @Test
    void aNewContactAppearsInTheListAndOnItsOwnPage() throws SQLException {
        Person alice = signUp("alice");
        assertEquals("You have no contacts yet.", text(alice.get("/contacts"), "p.empty"));

        alice.get("/contacts/new");
        HttpResponse<String> created = alice.submit("/contacts/new", Map.of("name", "Ada <b>Lovelace</b>",
                "email", "ada@example.com", "phone", "+44 20 7946 0000", "company", "Analytical Engines",
                "notes", "Met at the Royal Society."));

        assertEquals(303, created.statusCode());
        UUID id = contactIn(created);
        HttpResponse<String> list = alice.get("/contacts");
        assertEquals(List.of("Ada <b>Lovelace</b>"), texts(list, CONTACT_NAMES));
        assertTrue(Page.of(list).select(CONTACT_NAMES + " b").isEmpty(), "names are text, not markup");
        assertTrue(list.body().contains("Ada &lt;b&gt;Lovelace&lt;/b&gt;"), "names are escaped");
        assertTrue(Page.of(list).select("p.empty").isEmpty());
        HttpResponse<String> card = alice.get("/contacts/" + id);
        assertEquals(200, card.statusCode());
        assertEquals("ada@example.com", text(card, "dd#contact-email"));
        assertEquals("Analytical Engines", text(card, "dd#contact-company"));
        assertEquals("Nothing logged yet.", text(card, "p.empty"));
        assertEveryPostFormCarriesTheTokenAndTheCacheVersion(card, alice);
        assertEquals(200, alice.visitor.send(HttpRequest.newBuilder(alice.visitor.resolve("/contacts/" + id))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode(), "HEAD is answered like GET");
        assertEquals("Ada <b>Lovelace</b>", value("SELECT name FROM contacts WHERE id = ? AND owner_id = ?", id, alice.id));
    }

    @Test
    void searchFindsContactsByNameEmailPhoneOrCompany() {
        Person bob = signUp("bob");
        createContact(bob, Map.of("name", "Grace Hopper", "email", "grace@navy.example", "company", "US Navy"));
        createContact(bob, Map.of("name", "Alan Turing", "phone", "+44 161 555 0101", "company", "Bletchley Park"));
        createContact(bob, Map.of("name", "Katherine Johnson", "email", "kj@nasa.example"));

        assertEquals(List.of("Grace Hopper"), searchFor(bob, "hopper"));
        assertEquals(List.of("Katherine Johnson"), searchFor(bob, "NASA.example"));
        assertEquals(List.of("Alan Turing"), searchFor(bob, "161 555"));
        assertEquals(List.of("Alan Turing"), searchFor(bob, "bletchley"));
        assertEquals(List.of("Grace Hopper", "Katherine Johnson"), searchFor(bob, ".example"), "ranked, then by name");
        HttpResponse<String> nothing = bob.get("/contacts?q=" + "zebra");
        assertEquals("No contacts match \u201czebra\u201d.", text(nothing, "p.empty"));
        assertEquals(List.of(), searchFor(bob, "%"), "a % is a character to look for, not a wildcard");
    }

    @Test
    void nextAndPreviousLinksWalkTheListInBothOrdersWithoutJavaScript() throws SQLException {
        Person carol = signUp("carol");
        List<String> names = new java.util.ArrayList<>();
        IntStream.rangeClosed(1, 25).forEach(i -> names.add(String.format("%s %02d", i % 2 == 0 ? "person" : "Person", (i * 7) % 25)));
        names.forEach(name -> createContact(carol, Map.of("name", name)));

        HttpResponse<String> first = carol.get("/contacts");
        assertEquals("25 contacts", text(first, "p.count"));
        assertEquals("newest", Page.of(first).expectFirst("form[method=get] select[name=sort] option[selected]").val(),
                "the sort choice is a form");
        assertTrue(Page.of(first).select("[rel=prev]").isEmpty());
        for (String sort : List.of("newest", "name")) {
            List<HttpResponse<String>> pages = follow(carol, "/contacts?sort=" + sort, "next");
            assertEquals(List.of(20, 5), pages.stream().map(page -> texts(page, CONTACT_NAMES).size()).toList());
            List<String> walked = pages.stream().flatMap(page -> contactIds(page).stream()).toList();
            assertEquals(ListOrderModel.of(carol.id, sort), walked, sort);
            List<HttpResponse<String>> back = follow(carol, href(pages.get(1), "prev"), "prev");
            assertEquals(walked.subList(0, 20), contactIds(back.get(0)), sort + ": Previous leads back");
            assertEquals(1, back.size(), "the first page has no Previous");
            assertTrue(Page.of(pages.get(1)).select("[rel=next]").isEmpty());
        }
    }

    @Test
    void aTamperedCursorOrAPageNumberIsAnInlineErrorAndTheFirstPageIsShown() throws SQLException {
        Person erin = signUp("erin");
        IntStream.rangeClosed(1, 21).forEach(i -> createContact(erin, Map.of("name", "Erin's " + i)));
        String next = href(erin.get("/contacts"), "next");
        long version = cacheVersion(erin);
        String tampered = next.substring(0, next.length() - 3) + (next.endsWith("AAA") ? "BBB" : "AAA");

        for (String path : List.of(tampered, "/contacts?page=2", "/contacts?sort=oldest")) {
            HttpResponse<String> page = erin.get(path);
            assertEquals(400, page.statusCode(), path);
            assertEquals(20, texts(page, CONTACT_NAMES).size(), "the first page");
            assertFalse(alert(page).isBlank(), path);
        }
        assertTrue(alert(erin.get(tampered)).startsWith("This page link is not one Kontak gave out"));
        assertTrue(alert(erin.get("/contacts?page=2")).contains("after="));
        assertEquals(version, cacheVersion(erin), "nothing changed");
        assertEquals(0, count("SELECT count(*) FROM access_refusals WHERE user_id = ?", erin.id));
        assertEquals(1, texts(erin.get(next), CONTACT_NAMES).size(), "the link as given still works");
    }

    @Test
    void searchIsRankedAndCountsItsMatches() {
        Person frank = signUp("frank");
        for (String name : List.of("Ann Smith", "Joann", "Ann", "annabel", "Zed")) {
            createContact(frank, Map.of("name", name));
        }
        createContact(frank, Map.of("name", "Mail Only", "email", "ann@example.com"));

        HttpResponse<String> found = frank.get("/contacts?q=ann");
        assertEquals(List.of("Ann", "Ann Smith", "annabel", "Joann", "Mail Only"), texts(found, CONTACT_NAMES));
        assertEquals("5 matches", text(found, "p.count"));
        assertEquals(List.of("Ann", "Ann Smith", "annabel"), searchFor(frank, "an"), "two characters: name prefixes");
    }

    @Test
    void invalidContactShowsEachErrorNextToItsFieldAndSavesNothing() throws SQLException {
        Person dave = signUp("dave");
        dave.get("/contacts/new");

        HttpResponse<String> page = dave.submit("/contacts/new",
                Map.of("name", " ", "email", "not-an-email", "phone", "call me", "company", "Kept Company"));

        assertEquals(400, page.statusCode());
        assertEquals("Enter a name.", fieldError(page, "name"));
        assertEquals("Enter a valid e-mail address.", fieldError(page, "email"));
        assertEquals("Use digits, spaces and + ( ) . / - only (3 to 50).", fieldError(page, "phone"));
        assertEquals("Kept Company", Page.value(page, "company"), "what was typed stays in the form");
        assertEquals(0, count("SELECT count(*) FROM contacts WHERE owner_id = ?", dave.id));
    }

    @Test
    void editSavesTheChangeAndAFormOpenedBeforeAnotherSaveConflicts() throws SQLException {
        Person erin = signUp("erin");
        UUID id = createContact(erin, Map.of("name", "Marie Curie", "company", "Sorbonne"));
        HttpResponse<String> form = erin.get("/contacts/" + id + "/edit");
        String version = formNumber(form, "version");

        HttpResponse<String> saved = erin.submit("/contacts/" + id + "/edit", Map.of("name", "Marie Skłodowska-Curie",
                "company", "Sorbonne", "email", "marie@example.org", "version", version));

        assertEquals(303, saved.statusCode());
        assertEquals("/contacts/" + id, saved.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> card = erin.get("/contacts/" + id);
        assertEquals("Marie Skłodowska-Curie", text(card, "h1"));
        assertEquals("marie@example.org", text(card, "dd#contact-email"));

        HttpResponse<String> stale = erin.submit("/contacts/" + id + "/edit",
                Map.of("name", "Overwritten", "company", "", "version", version));

        assertEquals(409, stale.statusCode());
        assertEquals("Someone changed this contact after you opened it. Review the current details and save again.",
                alert(stale));
        assertEquals("Overwritten", Page.value(stale, "name"), "what was typed is kept");
        assertEquals("Marie Skłodowska-Curie", value("SELECT name FROM contacts WHERE id = ?", id));

        HttpResponse<String> invalid = erin.submit("/contacts/" + id + "/edit", Map.of("name", "", "version",
                formNumber(stale, "version")));
        assertEquals(400, invalid.statusCode());
        assertEquals("Enter a name.", fieldError(invalid, "name"));
        assertEquals("Marie Skłodowska-Curie", value("SELECT name FROM contacts WHERE id = ?", id));
    }

    @Test
    void deleteRemovesTheContactWithItsTimeline() throws SQLException {
        Person frank = signUp("frank");
        UUID id = createContact(frank, Map.of("name", "Nikola Tesla"));
        logActivity(frank, id, "CALL", "2026-02-03T04:05", "About the coil");

        frank.get("/contacts/" + id);
        HttpResponse<String> deleted = frank.submit("/contacts/" + id + "/delete", Map.of());

        assertEquals(303, deleted.statusCode());
        assertEquals("/contacts", deleted.headers().firstValue("Location").orElseThrow());
        assertEquals(0, count("SELECT count(*) FROM contacts WHERE id = ?", id));
        assertEquals(0, count("SELECT count(*) FROM activities WHERE contact_id = ?", id));
        assertEquals("You have no contacts yet.", text(frank.get("/contacts"), "p.empty"));
        HttpResponse<String> gone = frank.get("/contacts/" + id);
        assertEquals(403, gone.statusCode());
        assertEquals(DENIED, alert(gone));
    }

    @Test
    void loggedActivitiesAppearOnTheTimelineLatestFirst() throws SQLException {
        Person grace = signUp("grace");
        UUID id = createContact(grace, Map.of("name", "Linus Pauling"));

        assertEquals(303, logActivity(grace, id, "MEETING", "2026-01-02T10:15", "Talked <chemistry>").statusCode());
        assertEquals(303, logActivity(grace, id, "NOTE", "2026-03-04T08:00", "Sent the paper").statusCode());

        HttpResponse<String> card = grace.get("/contacts/" + id);
        assertEquals(List.of("Sent the paper", "Talked <chemistry>"), texts(card, "li.activity p.activity-summary"));
        assertEquals(List.of("Note", "Meeting"), texts(card, "li.activity span.activity-type"));
        assertEquals(List.of("2026-03-04 08:00 UTC", "2026-01-02 10:15 UTC"), texts(card, "li.activity time[datetime]"));
        assertEquals(1, count("SELECT count(*) FROM activities WHERE contact_id = ? AND type = 'MEETING' "
                + "AND occurred_at = TIMESTAMPTZ '2026-01-02 10:15:00+00'", id), "the time typed is read as UTC");

        HttpResponse<String> invalid = logActivity(grace, id, "DANCE", "yesterday", "");
        assertEquals(400, invalid.statusCode());
        assertEquals("Choose a type.", fieldError(invalid, "type"));
        assertEquals("Enter when it happened.", fieldError(invalid, "occurredAt"));
        assertEquals("Enter a summary.", fieldError(invalid, "summary"));
        assertEquals(2, count("SELECT count(*) FROM activities WHERE contact_id = ?", id));

        HttpResponse<String> deleted = grace.submit(deleteActivity(card, id), Map.of());
        assertEquals(303, deleted.statusCode());
        assertEquals(List.of("Talked <chemistry>"), texts(grace.get("/contacts/" + id), "li.activity p.activity-summary"));
        assertEquals(1, count("SELECT count(*) FROM activities WHERE contact_id = ?", id));
    }

    @Test
    void someoneElsesContactIsRefusedForEveryOperationAndNothingIsWritten() throws SQLException {
        Person owner = signUp("owner");
        UUID id = createContact(owner, Map.of("name", "Rosalind Franklin"));
        logActivity(owner, id, "CALL", "2026-04-05T06:07", "Photo 51");
        String activityDelete = deleteActivity(owner.get("/contacts/" + id), id);
        Object rowBefore = contactRow(id);
        Person intruder = signUp("intruder");
        intruder.get("/contacts");
        String contact = "/contacts/" + id;

        List<HttpResponse<String>> answers = List.of(
                intruder.get(contact),
                intruder.get(contact + "/edit"),
                intruder.submit(contact + "/edit", Map.of("name", "Hijacked", "version", "1")),
                intruder.submit(contact + "/delete", Map.of()),
                intruder.submit(contact + "/activities",
                        Map.of("type", "NOTE", "occurredAt", "2026-04-05T06:08", "summary", "Injected")),
                intruder.submit(contact + "/share", Map.of("team", "")),
                intruder.submit(activityDelete, Map.of()),
                intruder.get("/contacts/" + UUID.randomUUID()));

        for (HttpResponse<String> answer : answers) {
            assertEquals(403, answer.statusCode(), answer.uri().toString());
            assertEquals(DENIED, alert(answer), answer.uri().toString());
        }
        assertEquals(rowBefore, contactRow(id), "the contact is unchanged");
        assertEquals(List.of("Photo 51"), texts(owner.get(contact), "li.activity p.activity-summary"));
        assertEquals(1, count("SELECT count(*) FROM activities WHERE contact_id = ?", id));
        for (String operation : List.of("VIEW", "EDIT", "DELETE", "LOG_ACTIVITY", "SHARE", "DELETE_ACTIVITY")) {
            assertTrue(count("SELECT count(*) FROM access_refusals WHERE user_id = ? AND contact_id = ? AND operation = ?",
                    intruder.id, id, operation) > 0, "audited: " + operation);
        }
        assertFalse(answers.get(0).body().contains("Rosalind"), "nothing about the contact is shown");
    }

    @Test
    void aSharedContactIsSeenByTeamMembersUntilItIsUnshared() throws SQLException {
        Person owner = signUp("sharer");
        Person member = signUp("member");
        UUID team = createTeam(owner, "Research");
        owner.get("/teams/" + team);
        assertEquals(303, owner.submit("/teams/" + team + "/members", Map.of("email", member.email)).statusCode());
        UUID id = createContact(owner, Map.of("name", "Dorothy Hodgkin"));
        createContact(owner, Map.of("name", "Kept Private"));

        HttpResponse<String> card = owner.get("/contacts/" + id);
        assertEquals(List.of("Not shared", "Research"), texts(card, "form select[name=team] option"));
        assertEquals(303, owner.submit("/contacts/" + id + "/share", Map.of("team", team.toString())).statusCode());

        assertEquals(team, value("SELECT team_id FROM contacts WHERE id = ?", id));
        HttpResponse<String> memberList = member.get("/contacts");
        assertEquals(List.of("Dorothy Hodgkin"), texts(memberList, CONTACT_NAMES));
        assertEquals(List.of("Shared with Research"), texts(memberList, "table.contacts td span.shared"));
        HttpResponse<String> memberCard = member.get("/contacts/" + id);
        assertEquals(200, memberCard.statusCode());
        assertEquals("Shared with Research", text(memberCard, "p.shared"));
        assertTrue(Page.of(memberCard).select("form[action=/contacts/" + id + "/delete]").isEmpty(), "only the owner may delete");
        assertEquals(303, logActivity(member, id, "EMAIL", "2026-05-06T07:08", "Member wrote").statusCode());
        HttpResponse<String> memberDelete = member.submit("/contacts/" + id + "/delete", Map.of());
        assertEquals(403, memberDelete.statusCode());
        assertEquals("Only the owner can delete this contact.", alert(memberDelete));
        assertEquals(1, count("SELECT count(*) FROM contacts WHERE id = ?", id));

        String memberTab = formNumber(member.get("/contacts/" + id), "cacheVersion");
        owner.get("/contacts/" + id);
        assertEquals(303, owner.submit("/contacts/" + id + "/share", Map.of("team", "")).statusCode());

        assertNull(value("SELECT team_id FROM contacts WHERE id = ?", id));
        HttpResponse<String> staleTab = member.submit("/contacts/" + id + "/activities", Map.of("type", "NOTE",
                "occurredAt", "2026-05-06T08:00", "summary", "After the unsharing", "cacheVersion", memberTab));
        assertEquals(403, staleTab.statusCode());
        assertEquals(DENIED, alert(staleTab));
        assertTrue(text(staleTab, "p.note:not(#live)").startsWith("This page was out of date"), staleTab.body());
        assertEquals(0, count("SELECT count(*) FROM activities WHERE summary = 'After the unsharing'"));
        HttpResponse<String> refused = member.get("/contacts/" + id);
        assertEquals(403, refused.statusCode());
        assertEquals(DENIED, alert(refused));
        assertEquals("You have no contacts yet.", text(member.get("/contacts"), "p.empty"));
    }

    @Test
    void aFormFromBeforeTheContactWasDeletedIsRefusedInlineAndWritesNothing() throws SQLException {
        Person heidi = signUp("heidi");
        UUID id = createContact(heidi, Map.of("name", "Lise Meitner"));
        HttpResponse<String> firstTab = heidi.get("/contacts/" + id);
        String cacheVersion = formNumber(firstTab, "cacheVersion");

        heidi.get("/contacts/" + id);
        assertEquals(303, heidi.submit("/contacts/" + id + "/delete", Map.of("cacheVersion", cacheVersion)).statusCode());
        HttpResponse<String> stale = heidi.submit("/contacts/" + id + "/activities", Map.of("type", "CALL",
                "occurredAt", "2026-06-07T08:09", "summary", "Too late", "cacheVersion", cacheVersion));

        assertEquals(403, stale.statusCode());
        assertEquals(DENIED, alert(stale));
        assertTrue(text(stale, "p.note:not(#live)").startsWith("This page was out of date"), stale.body());
        assertEquals(0, count("SELECT count(*) FROM activities WHERE contact_id = ? OR summary = 'Too late'", id));
        assertTrue(count("SELECT count(*) FROM access_refusals WHERE user_id = ? AND contact_id = ? "
                + "AND operation = 'LOG_ACTIVITY'", heidi.id, id) > 0);
    }

    @Test
    void aFormWhoseCacheVersionMovedStillWorksWhileAccessHolds() throws SQLException {
        Person ivan = signUp("ivan");
        UUID id = createContact(ivan, Map.of("name", "Emmy Noether"));
        String cacheVersion = formNumber(ivan.get("/contacts/" + id), "cacheVersion");
        createContact(ivan, Map.of("name", "Another contact, in another tab"));

        HttpResponse<String> logged = ivan.submit("/contacts/" + id + "/activities", Map.of("type", "NOTE",
                "occurredAt", "2026-07-08T09:10", "summary", "Still allowed", "cacheVersion", cacheVersion));

        assertEquals(303, logged.statusCode());
        assertTrue(Long.parseLong(formNumber(ivan.get("/contacts/" + id), "cacheVersion"))
                > Long.parseLong(cacheVersion), "the version did move");
        assertEquals(1, count("SELECT count(*) FROM activities WHERE contact_id = ? AND summary = 'Still allowed'", id));
    }

    @Test
    void teamsAreCreatedAndOwnersAddAndRemoveMembersWhoMayLeave() throws SQLException {
        Person owner = signUp("teamowner");
        Person stays = signUp("stays");
        Person leaves = signUp("leaves");
        owner.get("/teams");
        HttpResponse<String> unnamed = owner.submit("/teams", Map.of("name", "  "));
        assertEquals(400, unnamed.statusCode());
        assertEquals("Enter a team name.", fieldError(unnamed, "name"));
        assertEquals(0, count("SELECT count(*) FROM teams WHERE created_by = ?", owner.id));

        UUID team = createTeam(owner, "Sales <EMEA>");
        HttpResponse<String> teams = owner.get("/teams");
        assertEquals(List.of("Sales <EMEA>"), texts(teams, "ul.teams a"));
        assertEquals(List.of("/teams/" + team), Page.of(teams).select("ul.teams a").eachAttr("href"));
        owner.get("/teams/" + team);
        assertEquals(303, owner.submit("/teams/" + team + "/members", Map.of("email", stays.email.toUpperCase())).statusCode());
        assertEquals(303, owner.submit("/teams/" + team + "/members", Map.of("email", leaves.email)).statusCode());
        HttpResponse<String> unknown = owner.submit("/teams/" + team + "/members", Map.of("email", uniqueEmail("ghost")));
        assertEquals(403, unknown.statusCode());
        assertEquals("No account has this e-mail address.", alert(unknown));
        HttpResponse<String> blank = owner.submit("/teams/" + team + "/members", Map.of("email", ""));
        assertEquals(400, blank.statusCode());
        assertEquals("Enter an e-mail address.", fieldError(blank, "email"));

        HttpResponse<String> page = owner.get("/teams/" + team);
        assertEquals(List.of("Owner", "Member", "Member"), texts(page, "tr.member td.member-role"));
        assertEquals(3, count("SELECT count(*) FROM team_members WHERE team_id = ?", team));
        HttpResponse<String> asMember = stays.get("/teams/" + team);
        assertEquals(200, asMember.statusCode());
        assertTrue(Page.of(asMember).select("form[action$=/remove]").isEmpty(), "members cannot remove anyone");

        HttpResponse<String> ownerLeaves = owner.submit("/teams/" + team + "/leave", Map.of());
        assertEquals(403, ownerLeaves.statusCode());
        assertEquals("You own this team: owners cannot leave it.", alert(ownerLeaves));

        leaves.get("/teams/" + team);
        HttpResponse<String> left = leaves.submit("/teams/" + team + "/leave", Map.of());
        assertEquals(303, left.statusCode());
        assertEquals("/teams", left.headers().firstValue("Location").orElseThrow());
        assertEquals(0, count("SELECT count(*) FROM team_members WHERE team_id = ? AND user_id = ?", team, leaves.id));
        HttpResponse<String> notAnyMore = leaves.get("/teams/" + team);
        assertEquals(403, notAnyMore.statusCode());
        assertEquals("Team not found.", alert(notAnyMore));

        owner.get("/teams/" + team);
        HttpResponse<String> removed = owner.submit("/teams/" + team + "/members/" + stays.id + "/remove", Map.of());
        assertEquals(303, removed.statusCode());
        assertEquals(0, count("SELECT count(*) FROM team_members WHERE team_id = ? AND user_id = ?", team, stays.id));
        assertEquals(List.of("Owner"), texts(owner.get("/teams/" + team), "tr.member td.member-role"));
    }

    @Test
    void malformedIdsInPathsAreNotFound() {
        Person judy = signUp("judy");
        for (String path : List.of("/contacts/not-a-uuid", "/contacts/1-2-3-4-5", "/contacts/" + UUID.randomUUID() + "/nope",
                "/teams/xyz", "/teams/" + UUID.randomUUID() + "/members/42/remove")) {
            HttpResponse<String> answer = judy.get(path);
            assertEquals(404, answer.statusCode(), path);
            assertEquals("This page does not exist.", alert(answer), path);
        }
    }

    @Test
    void contactPagesAnswer304UntilAnythingTheUserCanSeeChangesAndNeverShareATagBetweenUsers() throws SQLException {
        Person owner = signUp("etagowner");
        Person member = signUp("etagmember");
        UUID id = sharedContact(owner, member, "Etag team", "Barbara McClintock");

        HttpResponse<String> card = member.get("/contacts/" + id);
        String tag = etag(card);
        assertEquals("private, no-cache", card.headers().firstValue("Cache-Control").orElseThrow());
        long version = cacheVersion(member);
        assertTrue(tag.startsWith("\"v" + version + "-"), tag);
        HttpResponse<String> unchanged = member.get("/contacts/" + id, "If-None-Match", tag);
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.body());
        assertEquals(tag, etag(unchanged));
        assertEquals(304, member.get("/contacts/" + id, "If-None-Match", "W/" + tag).statusCode(), "a weak match is a match");
        String list = etag(member.get("/contacts"));
        String search = etag(member.get("/contacts?q=barbara"));
        assertFalse(list.equals(search), "the query is part of the tag");
        assertEquals(304, member.get("/contacts?q=barbara", "If-None-Match", search).statusCode());
        assertEquals(200, member.get("/contacts?q=barbara", "If-None-Match", list).statusCode());

        assertEquals(303, logActivity(member, id, "CALL", "2026-08-09T10:11", "Member's own change").statusCode());
        HttpResponse<String> afterOwnChange = member.get("/contacts/" + id, "If-None-Match", tag);
        assertEquals(200, afterOwnChange.statusCode());
        assertTrue(texts(afterOwnChange, "li.activity p.activity-summary").contains("Member's own change"),
                afterOwnChange.body());
        String tagAfterOwnChange = etag(afterOwnChange);
        assertFalse(tag.equals(tagAfterOwnChange));
        assertEquals(304, member.get("/contacts/" + id, "If-None-Match", tagAfterOwnChange).statusCode());
        String searchBeforeTeammate = etag(member.get("/contacts?q=barbara"));

        assertEquals(303, logActivity(owner, id, "NOTE", "2026-08-09T11:12", "Teammate's activity").statusCode());
        HttpResponse<String> afterTeammate = member.get("/contacts/" + id, "If-None-Match", tagAfterOwnChange);
        assertEquals(200, afterTeammate.statusCode());
        assertTrue(texts(afterTeammate, "li.activity p.activity-summary").contains("Teammate's activity"),
                afterTeammate.body());
        assertFalse(tagAfterOwnChange.equals(etag(afterTeammate)));
        assertEquals(200, member.get("/contacts?q=barbara", "If-None-Match", searchBeforeTeammate).statusCode());

        // two users whose metadata has the same cache_version still never share a tag for the same URL
        Person first = signUp("etagfirst");
        Person second = signUp("etagsecond");
        assertEquals(value("SELECT cache_version FROM user_metadata WHERE user_id = ?", first.id),
                value("SELECT cache_version FROM user_metadata WHERE user_id = ?", second.id));
        String firstTag = etag(first.get("/contacts"));
        assertFalse(firstTag.equals(etag(second.get("/contacts"))));
        assertEquals(200, second.get("/contacts", "If-None-Match", firstTag).statusCode());
        assertFalse(etag(owner.get("/contacts/" + id)).equals(etag(member.get("/contacts/" + id))));

        HttpResponse<String> refused = first.get("/contacts/" + id);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("ETag").isEmpty(), "a refusal is never cached");
        assertEquals("no-store", refused.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-store", first.get("/teams").headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-store", first.get("/contacts/new").headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void theEventStreamTellsOnlyTheAffectedUsersAndOnlyAfterTheChangeCommitted() throws Exception {
        Person owner = signUp("streamowner");
        Person member = signUp("streammember");
        Person stranger = signUp("stranger");
        UUID id = sharedContact(owner, member, "Stream team", "Rosalind Franklin");

        try (EventStreamReader memberEvents = member.visitor.events();
                EventStreamReader strangerEvents = stranger.visitor.events()) {
            assertEquals(200, memberEvents.response().statusCode());
            assertTrue(memberEvents.response().headers().firstValue("Content-Type").orElseThrow()
                    .startsWith("text/event-stream"));
            assertEquals(cacheVersion(member), memberEvents.next(), "a stream starts with the current version");
            long strangerStart = strangerEvents.next();
            assertEquals(cacheVersion(stranger), strangerStart);

            assertEquals(303, logActivity(owner, id, "MEETING", "2026-09-10T11:12", "Seen live").statusCode());
            long afterTeammate = memberEvents.next();
            // when the event arrives, the change is committed and visible to everyone
            assertEquals(1, count("SELECT count(*) FROM activities WHERE contact_id = ? AND summary = 'Seen live'", id));
            assertEquals(cacheVersion(member), afterTeammate);

            owner.get("/contacts/" + id);
            assertEquals(303, owner.submit("/contacts/" + id + "/delete", Map.of()).statusCode());
            assertTrue(memberEvents.next() > afterTeammate);
            assertEquals("{\"available\":false}", member.get("/contacts/" + id + "/state").body());

            // the stranger's next event is about their own change: nothing of the others' came before it
            createContact(stranger, Map.of("name", "Stranger's own"));
            assertEquals(cacheVersion(stranger), strangerEvents.next());
            assertTrue(cacheVersion(stranger) > strangerStart);
        }

        UUID kept = createContact(member, Map.of("name", "Kept"));
        assertEquals("{\"available\":true,\"version\":" + value("SELECT version FROM contacts WHERE id = ?", kept) + "}",
                member.get("/contacts/" + kept + "/state").body());
        assertEquals("{\"available\":false}", stranger.get("/contacts/" + kept + "/state").body(),
                "someone else's contact is the same as none");
        assertEquals(403, member.get("/contacts/events", "Origin", "http://evil.example").statusCode());
        HttpResponse<String> signedOut = new Visitor(root).get("/contacts/events");
        assertFalse(signedOut.statusCode() == 200, "the stream needs a signed-in session");
        assertFalse(signedOut.body().contains("cacheVersion"));

        try (EventStreamReader beforeSignOut = member.visitor.events()) {
            assertEquals(cacheVersion(member), beforeSignOut.next());
            member.get("/contacts");
            assertEquals(303, member.submit("/logout", Map.of()).statusCode());
            beforeSignOut.awaitEnd();
        }
    }

    @Test
    void theContactPageShowsTheWholeCardAndItsFormEditsEveryField() throws Exception {
        Person kate = signUp("kate");
        HttpResponse<String> created = kate.visitor.sendJson("POST", "/api/contacts", """
                {"name": "Ada Lovelace", "nickname": "Ada",
                 "emails": [{"label": "work", "address": "ada@engines.example"}, {"address": "ada@home.example"}],
                 "phones": [{"label": "mobile", "number": "0812-3456-7890"}],
                 "addresses": [{"label": "home", "street": "12 St James's Square", "locality": "London",
                                "postalCode": "SW1Y 4JH", "country": "United Kingdom"}],
                 "urls": [{"url": "https://engines.example/ada"}], "organization": "Analytical Engines",
                 "title": "Countess", "birthday": "--12-10", "labels": ["friends", "vip"], "favourite": true}""",
                kate.email, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        UUID id = UUID.fromString(find(created.body(), "\"id\":\"([^\"]+)\""));

        HttpResponse<String> card = kate.get("/contacts/" + id);

        assertEquals(List.of("ada@engines.example", "ada@home.example"), texts(card, "dd.contact-email"));
        assertEquals(List.of("work", "E-mail", "mobile"), Page.of(card).select("dd.contact-email, dd.contact-phone")
                .stream().map(dd -> dd.previousElementSibling().text()).toList(), "each with its label, or the field's name");
        assertEquals(List.of("+62 812-3456-7890"), texts(card, "dd.contact-phone"), "formatted");
        assertEquals(List.of("12 St James's Square", "SW1Y 4JH London", "United Kingdom"),
                texts(card, "dd.contact-address span"));
        assertEquals("https://engines.example/ada", Page.of(card).expectFirst("dd.contact-url a").attr("href"));
        assertEquals("Analytical Engines", text(card, "dd#contact-company"));
        assertEquals("Countess", text(card, "dd#contact-title"));
        assertEquals("--12-10", text(card, "dd#contact-birthday"));
        assertEquals(List.of("friends", "vip"), texts(card, "dd#contact-labels span.label"));
        assertEquals("Ada", text(card, "dd#contact-nickname"));

        HttpResponse<String> form = kate.get("/contacts/" + id + "/edit");
        assertEquals(List.of("ada@engines.example", "ada@home.example", ""), inputs(form, "email"),
                "every e-mail, and a row to add one");
        assertEquals(List.of("work", "", ""), inputs(form, "emailLabel"));
        assertEquals("0812-3456-7890", Page.value(form, "phone"), "as typed");
        assertEquals(List.of("SW1Y 4JH", ""), inputs(form, "postalCode"));
        assertEquals("--12-10", Page.value(form, "birthday"));
        assertEquals("friends, vip", Page.value(form, "labels"));
        assertTrue(Page.of(form).expectFirst("input#favourite").hasAttr("checked"));

        List<Map.Entry<String, String>> edited = Page.formFields(form, "form.stacked", Map.of("name", "",
                "given", "Ada", "family", "King", "email", "ada@analytical.example", "emailLabel-2", "home",
                "email-2", "countess@lovelace.example", "phone", "", "locality", "Ockham",
                "birthday", "1815-12-10", "labels", "friends, maths ,"));
        HttpResponse<String> saved = kate.submit("/contacts/" + id + "/edit",
                edited.stream().filter(field -> !field.getKey().equals("favourite")).toList());
        assertEquals(303, saved.statusCode(), saved.body());

        HttpResponse<String> after = kate.get("/contacts/" + id);
        assertEquals("Ada King", text(after, "h1"), "a blank name is made of its parts");
        assertEquals(List.of("ada@analytical.example", "ada@home.example", "countess@lovelace.example"),
                texts(after, "dd.contact-email"));
        assertEquals(List.of("work", "E-mail", "home"), Page.of(after).select("dd.contact-email").stream()
                .map(dd -> dd.previousElementSibling().text()).toList());
        assertEquals(List.of(), texts(after, "dd.contact-phone"), "a blank row removes the phone");
        assertEquals(List.of("12 St James's Square", "SW1Y 4JH Ockham", "United Kingdom"),
                texts(after, "dd.contact-address span"));
        assertEquals("1815-12-10", text(after, "dd#contact-birthday"));
        assertEquals(List.of("friends", "maths"), texts(after, "dd#contact-labels span.label"));
        assertTrue(Page.of(after).select("dd#contact-favourite").isEmpty(), "the box was unticked");
        assertEquals("Ada", text(after, "dd#contact-nickname"), "what the form did not change stays");
        assertEquals("King", value("SELECT family_name FROM contacts WHERE id = ?", id));
    }

    @Test
    void theContactFormAddsRowsOnRequestAndNamesEveryErrorWithoutSaving() throws SQLException {
        Person lena = signUp("lena");
        UUID id = createContact(lena, Map.of("name", "Emmy Noether", "email", "emmy@example.org"));
        HttpResponse<String> form = lena.get("/contacts/" + id + "/edit");
        Object version = value("SELECT version FROM contacts WHERE id = ?", id);

        List<Map.Entry<String, String>> another = new ArrayList<>(
                Page.formFields(form, "form.stacked", Map.of("email-1", "noether@example.org")));
        another.add(Map.entry("more", "email"));
        HttpResponse<String> more = lena.submit("/contacts/" + id + "/edit", another);
        assertEquals(200, more.statusCode(), more.body());
        assertEquals(List.of("emmy@example.org", "noether@example.org", "", ""), inputs(more, "email"),
                "what was typed, and two rows to fill");
        assertEquals(version, value("SELECT version FROM contacts WHERE id = ?", id), "nothing saved yet");

        HttpResponse<String> invalid = lena.submit("/contacts/" + id + "/edit",
                Page.formFields(more, "form.stacked", Map.of("email-1", "not an address", "birthday", "1882-02-30",
                        "url", "javascript:alert(1)", "street", "Bryn Mawr")));
        assertEquals(400, invalid.statusCode());
        assertEquals("Enter a valid e-mail address.", fieldError(invalid, "email-1"));
        assertEquals("There is no such date: 1882-02-30.", fieldError(invalid, "birthday"));
        assertEquals("Enter a web address starting with http:// or https://.", fieldError(invalid, "url"));
        assertEquals("Bryn Mawr", Page.value(invalid, "street"), "what was typed stays in the form");
        assertEquals(version, value("SELECT version FROM contacts WHERE id = ?", id));
        assertEquals(1, count("SELECT count(*) FROM contact_emails WHERE contact_id = ?", id));

        lena.get("/contacts/new");
        HttpResponse<String> created = lena.submit("/contacts/new", Map.of("given", "Sofia", "family", "Kovalevskaya",
                "phoneLabel", "mobile", "phone", "0812 1111 2222", "favourite", "on", "anniversary", "--03-14"));
        assertEquals(303, created.statusCode(), created.body());
        HttpResponse<String> card = lena.get(created.headers().firstValue("Location").orElseThrow());
        assertEquals("Sofia Kovalevskaya", text(card, "h1"));
        assertEquals("+62 812-1111-2222", text(card, "dd.contact-phone"));
        assertEquals("mobile", Page.of(card).expectFirst("dd.contact-phone").previousElementSibling().text());
        assertEquals("--03-14", text(card, "dd#contact-anniversary"));
        assertEquals("★", text(card, "dd#contact-favourite"));
    }

    private static List<String> inputs(HttpResponse<String> page, String name) {
        return Page.of(page).select("form.stacked input[name=" + name + "]").stream().map(Element::val).toList();
    }

    @Test
    void theListLinksToAnExportOfWhatItShowsAndTheSignedInSessionDownloadsIt() {
        Person leo = signUp("leo");
        createContact(leo, Map.of("name", "Leonhard Euler"));
        createContact(leo, Map.of("name", "Emmy Noether"));

        HttpResponse<String> found = leo.get("/contacts?q=euler");
        String export = Page.of(found).expectFirst("a#export").attr("href");
        assertEquals("Export these (vCard)", text(found, "a#export"));
        assertEquals("Export all (vCard)", text(leo.get("/contacts"), "a#export"));
        HttpResponse<String> file = leo.get(export);

        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.body().startsWith("BEGIN:VCARD"), file.body());
        assertTrue(file.body().contains("FN:Leonhard Euler"), file.body());
        assertFalse(file.body().contains("Noether"), "only what the search found");
        assertTrue(file.headers().firstValue("Content-Disposition").orElseThrow().contains("kontak-contacts.vcf"));
        assertTrue(leo.get("/contacts/export?format=vcard3").body().contains("VERSION:3.0"));
        assertEquals(400, leo.get("/contacts/export?format=xml").statusCode());
    }

    private static String etag(HttpResponse<String> page) {
        return page.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + page.statusCode()));
    }

    private static long cacheVersion(Person person) throws SQLException {
        return ((Number) value("SELECT cache_version FROM user_metadata WHERE user_id = ?", person.id)).longValue();
    }

    /** Someone signed up through the API and signed in through the page. */
    @Test
    void theListsBulkActionsDoWhatTheUserMayAndListTheRestInline() throws SQLException {
        Person member = signUp("member");
        Person owner = signUp("bulk");
        UUID theirs = sharedContact(member, owner, "Bulk team", "Dewi Lestari");
        UUID budi = createContact(owner, Map.of("name", "Budi Santoso"));
        UUID siti = createContact(owner, Map.of("name", "Siti Rahayu"));
        HttpResponse<String> list = owner.get("/contacts");
        assertEquals(3, Page.of(list).select("form#bulk input[name=id]").size(), "a box to tick per contact");
        assertEquals("All 3 contacts", text(list, "label.all"));

        HttpResponse<String> labelled = owner.visitor.submit("/contacts/bulk", List.of(Map.entry("action", "add-label"),
                Map.entry("label", "klien"), Map.entry("id", budi.toString()), Map.entry("id", theirs.toString())));
        assertEquals(200, labelled.statusCode());
        assertEquals("Done for 2 contacts.", text(labelled, "#bulk-done"));
        assertEquals(2L, count("SELECT COUNT(*) FROM contact_labels WHERE label = 'klien' AND contact_id IN (?, ?)",
                budi, theirs));

        HttpResponse<String> filed = owner.get("/contacts?label=klien");
        assertEquals(List.of("Budi Santoso", "Dewi Lestari"), texts(filed, CONTACT_NAMES).stream().sorted().toList());
        assertEquals("2 contacts are filed under \u201cklien\u201d.", text(filed, "#filed-count"));
        assertEquals(List.of("Any", "klien"), texts(filed, "nav.labels a"));
        assertEquals(List.of("Budi Santoso"), texts(owner.get("/contacts?label=klien&q=budi"), CONTACT_NAMES));
        assertEquals(List.of(), texts(owner.get("/contacts?label=nobody"), CONTACT_NAMES));

        HttpResponse<String> deleted = owner.visitor.submit("/contacts/bulk", List.of(Map.entry("action", "delete"),
                Map.entry("id", siti.toString()), Map.entry("id", theirs.toString())));
        assertEquals("Done for 1 contact.", text(deleted, "#bulk-done"));
        assertEquals(List.of("Dewi Lestari: Only the owner can delete this contact."), texts(deleted, "#bulk-left li"));
        assertEquals(List.of("Budi Santoso", "Dewi Lestari"), texts(deleted, CONTACT_NAMES).stream().sorted().toList());

        HttpResponse<String> found = owner.visitor.submit("/contacts/bulk", List.of(Map.entry("action", "add-label"),
                Map.entry("label", "vip"), Map.entry("all", "true"), Map.entry("q", "budi")));
        assertEquals("Done for 1 contact.", text(found, "#bulk-done"));
        assertEquals(1L, count("SELECT COUNT(*) FROM contact_labels WHERE label = 'vip'  AND contact_id = ?", budi));
        HttpResponse<String> nothing = owner.visitor.submit("/contacts/bulk", List.of(Map.entry("action", "delete")));
        assertEquals(400, nothing.statusCode());
        assertEquals("Select at least one contact.", text(nothing, "p.alert"));
        HttpResponse<String> forged = owner.visitor.post("/contacts/bulk", Map.of("action", "delete", "id", budi.toString()));
        assertEquals(403, forged.statusCode(), "no CSRF token");
        assertEquals(1L, count("SELECT COUNT(*) FROM contacts WHERE id = ?", budi));
    }

    private record Person(Visitor visitor, String email, UUID id) {

        HttpResponse<String> get(String path) {
            return visitor.get(path);
        }

        HttpResponse<String> get(String path, String header, String value) {
            return visitor.get(path, header, value);
        }

        HttpResponse<String> submit(String path, Map<String, String> fields) {
            return visitor.submit(path, fields);
        }

        HttpResponse<String> submit(String path, List<Map.Entry<String, String>> fields) {
            return visitor.submit(path, fields);
        }
    }

    private Person signUp(String who) {
        Visitor visitor = new Visitor(root);
        String email = uniqueEmail(who);
        HttpResponse<String> created = visitor.postJson("/api/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + who + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        visitor.get("/login");
        assertEquals(303, visitor.submit("/login", Map.of("email", email, "password", PASSWORD)).statusCode());
        return new Person(visitor, email, UUID.fromString(find(created.body(), "\"id\":\"([^\"]+)\"")));
    }

    private UUID createContact(Person person, Map<String, String> fields) {
        person.get("/contacts/new");
        HttpResponse<String> created = person.submit("/contacts/new", fields);
        assertEquals(303, created.statusCode(), created.body());
        return contactIn(created);
    }

    /** A contact of the owner's, shared with a new team of theirs that the member belongs to. */
    private UUID sharedContact(Person owner, Person member, String teamName, String contactName) {
        UUID team = createTeam(owner, teamName);
        owner.get("/teams/" + team);
        assertEquals(303, owner.submit("/teams/" + team + "/members", Map.of("email", member.email)).statusCode());
        UUID id = createContact(owner, Map.of("name", contactName));
        owner.get("/contacts/" + id);
        assertEquals(303, owner.submit("/contacts/" + id + "/share", Map.of("team", team.toString())).statusCode());
        return id;
    }

    private UUID createTeam(Person person, String name) {
        person.get("/teams");
        HttpResponse<String> created = person.submit("/teams", Map.of("name", name));
        assertEquals(303, created.statusCode(), created.body());
        return UUID.fromString(find(created.headers().firstValue("Location").orElseThrow(), "/teams/(.+)$"));
    }

    /** Logs through the form on the contact's page, with the cacheVersion that page carried. */
    private HttpResponse<String> logActivity(Person person, UUID contact, String type, String occurredAt, String summary) {
        HttpResponse<String> card = person.get("/contacts/" + contact);
        return person.submit("/contacts/" + contact + "/activities", Map.of("type", type, "occurredAt", occurredAt,
                "summary", summary, "cacheVersion", formNumber(card, "cacheVersion")));
    }

    /** The page at {@code path} and every page its {@code rel} link leads to, in the order they were visited. */
    private static List<HttpResponse<String>> follow(Person person, String path, String rel) {
        List<HttpResponse<String>> pages = new java.util.ArrayList<>(List.of(person.get(path)));
        while (!Page.of(pages.get(pages.size() - 1)).select("a[rel=" + rel + "]").isEmpty()) {
            assertTrue(pages.size() < 20, "the walk ends");
            pages.add(person.get(href(pages.get(pages.size() - 1), rel)));
        }
        pages.forEach(page -> assertEquals(200, page.statusCode()));
        return pages;
    }

    private static String href(HttpResponse<String> page, String rel) {
        return Page.of(page).expectFirst("a[rel=" + rel + "]").attr("href");
    }

    /** The ids of the contacts listed, in page order, from the links to their pages. */
    private static List<String> contactIds(HttpResponse<String> page) {
        return Page.of(page).select(CONTACT_NAMES).eachAttr("href").stream()
                .map(href -> href.replaceFirst("^/contacts/", "")).toList();
    }

    /** The value of the hidden {@code version} or {@code cacheVersion} a page's form carries: a number. */
    private static String formNumber(HttpResponse<String> page, String input) {
        String number = Page.value(page, input);
        assertTrue(number.matches("\\d+"), input + ": " + number);
        return number;
    }

    /** Where the delete button of the first activity on a contact's timeline posts to. */
    private static String deleteActivity(HttpResponse<String> card, UUID contact) {
        String action = Page.of(card).expectFirst("li.activity form").attr("action");
        assertTrue(action.matches("/contacts/" + contact + "/activities/[0-9a-f-]{36}/delete"), action);
        return action;
    }

    private List<String> searchFor(Person person, String query) {
        return texts(person.get("/contacts?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)), CONTACT_NAMES);
    }

    private static UUID contactIn(HttpResponse<String> created) {
        return UUID.fromString(find(created.headers().firstValue("Location").orElseThrow(), "/contacts/(.+)$"));
    }

    private static Object contactRow(UUID id) throws SQLException {
        return value("SELECT concat_ws('|', name, team_id, version, activity_count, updated_at) FROM contacts WHERE id = ?",
                id);
    }

    /** Every POST form on a contact page carries the CSRF token and the cacheVersion the page was rendered with. */
    private static void assertEveryPostFormCarriesTheTokenAndTheCacheVersion(HttpResponse<String> page, Person person)
            throws SQLException {
        Document card = Page.of(page);
        List<Element> contactForms = Page.assertFormsCarryTheToken(card).stream()
                .filter(form -> !form.is("header form")).toList(); // not the sign-out form of the layout
        assertTrue(contactForms.size() >= 3, page.body());
        String current = String.valueOf(value("SELECT cache_version FROM user_metadata WHERE user_id = ?", person.id));
        for (Element form : contactForms) {
            assertEquals(current, form.expectFirst("input[type=hidden][name=cacheVersion]").val(), form.attr("action"));
        }
        assertEquals(contactForms.size(), card.select("input[name=cacheVersion]").size(), "in no other place");
    }
}
