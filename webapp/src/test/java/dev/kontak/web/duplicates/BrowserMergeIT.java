package dev.kontak.web.duplicates;

import static dev.kontak.web.testing.ApiUsers.ok;
import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.ApiUsers;
import dev.kontak.web.testing.ApiUsers.User;
import dev.kontak.web.testing.Chromium;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import dev.kontak.web.testing.Visitor;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A person in a real (headless) Chromium finds their duplicates on {@code /contacts/duplicates}, compares two side
 * by side, keeps one with a value of the other, and finds everything of both on the kept contact; a merge they may
 * not do is refused on the same page. Screenshots {@code docs/duplicates.png} and {@code docs/merge.png}.
 */
@EnabledIf("dev.kontak.web.testing.Chromium#installed")
class BrowserMergeIT {

    URL base = SharedKontak.url();

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonMergesTwoCardsOfOnePersonAndFindsEverythingOfBothOnTheOneKept() throws Exception {
        ApiUsers api = new ApiUsers(new Visitor(base.toURI()));
        User person = api.signUp("merger");
        User teammate = api.signUp("teammate");
        String team = api.teamOf(teammate, person);
        String older = create(api, person, "{\"name\":\"Budi Santoso\",\"emails\":[{\"label\":\"work\",\"address\":"
                + "\"budi@kantor.example\"}],\"organization\":\"PT Kantor\"}");
        String newer = create(api, person, "{\"name\":\"Budi Santoso (HP)\",\"emails\":[{\"address\":\"BUDI@kantor.example\"},"
                + "{\"label\":\"home\",\"address\":\"budi@rumah.example\"}],\"phones\":[{\"label\":\"mobile\",\"number\":"
                + "\"0812-7777-8888\"}],\"organization\":\"PT Kantor Baru\",\"title\":\"Manajer\"}");
        ok(201, api.call(person, "POST", "/api/contacts/" + older + "/activities",
                "{\"type\":\"CALL\",\"occurredAt\":\"2026-11-30T09:00:00Z\",\"summary\":\"Talked about the offer\"}"));
        String shared = create(api, teammate, "{\"name\":\"Siti Rahayu\",\"phone\":\"0813-1111-2222\"}");
        ok(200, api.call(teammate, "PUT", "/api/contacts/" + shared + "/team", "{\"teamId\":\"" + team + "\"}"));
        String own = create(api, person, "{\"name\":\"Ibu Siti\",\"phone\":\"+62 813 1111 2222\"}");

        browser = Chromium.start();
        signIn(person);
        browser.findElement(By.id("duplicates")).click();
        Chromium.awaitPath(browser, "/contacts/duplicates");
        assertEquals("2 groups of your contacts may each be one person: they share an e-mail address or a phone number, "
                + "or their names are alike.", browser.findElement(By.id("duplicates-summary")).getText());
        WebElement budis = group("Budi Santoso");
        assertEquals("Same e-mail · Alike names", budis.findElement(By.cssSelector(".reasons")).getText());
        Chromium.screenshot(browser, "duplicates.png");

        budis.findElement(By.cssSelector("a.compare")).click();
        Chromium.awaitPath(browser, "/contacts/merge\\?id=.*");
        browser.findElement(By.cssSelector("input[name=keep][value='" + newer + "']")).click();
        browser.findElement(By.cssSelector("input[name='field.name'][value='" + older + "']")).click();
        assertTrue(browser.findElement(By.cssSelector("input[name='field.organization'][value='" + older + "']"))
                .isSelected(), "preset: the first contact's, as the merge would take it");
        browser.findElement(By.cssSelector("input[name='field.organization'][value='" + newer + "']")).click();
        Chromium.screenshot(browser, "merge.png");
        browser.findElement(By.id("merge")).click();

        Chromium.awaitPath(browser, "/contacts/" + newer);
        assertEquals("Budi Santoso", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of("BUDI@kantor.example", "budi@rumah.example"), texts(".contact-email"),
                "the kept contact's first, one of each address");
        assertEquals("PT Kantor Baru", browser.findElement(By.id("contact-company")).getText());
        assertEquals("Manajer", browser.findElement(By.id("contact-title")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Talked about the offer"),
                "the activity of the merged contact is on the kept one");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE id = ?", UUID.fromString(older)));

        browser.get(base + "contacts/duplicates");
        group("Ibu Siti").findElement(By.cssSelector("a.compare")).click();
        Chromium.awaitPath(browser, "/contacts/merge\\?id=.*");
        browser.findElement(By.cssSelector("input[name=keep][value='" + own + "']")).click();
        browser.findElement(By.id("merge")).click();
        assertEquals("Only its owner can merge Siti Rahayu into another contact: merging deletes it.",
                Chromium.await(browser, By.cssSelector("p.alert")).getText());
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM contacts WHERE id IN (?, ?)", UUID.fromString(shared),
                UUID.fromString(own)), "nothing merged");
    }

    private WebElement group(String name) {
        return browser.findElements(By.cssSelector("section.duplicate-group")).stream()
                .filter(section -> section.getText().contains(name)).findFirst().orElseThrow();
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String create(ApiUsers api, User user, String json) {
        return ok(201, api.call(user, "POST", "/api/contacts", json)).getString("id");
    }

    private void signIn(User user) {
        browser.get(base + "login");
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts");
    }
}
