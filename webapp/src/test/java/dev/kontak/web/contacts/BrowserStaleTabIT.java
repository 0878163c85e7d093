package dev.kontak.web.contacts;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static dev.kontak.web.testing.TestDatabase.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.Chromium;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person with one contact open in two tabs of a real (headless) Chromium: deleting it in one tab and then
 * logging an activity from the other, now stale, tab is refused on the page itself and writes nothing; and the
 * other window says, without a reload, that the contact changed or is gone (live updates, {@code /js/live.js}).
 */
@EnabledIf("dev.kontak.web.testing.Chromium#installed")
class BrowserStaleTabIT {

    URL base = SharedKontak.url();

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void loggingAnActivityFromATabOpenedBeforeTheContactWasDeletedIsRefusedInline() throws Exception {
        browser = Chromium.start();
        signUp();
        createContact("Chien-Shiung Wu");
        String contactUrl = browser.getCurrentUrl();
        UUID contact = UUID.fromString(contactUrl.substring(contactUrl.lastIndexOf('/') + 1));
        String firstTab = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(contactUrl);
        browser.findElement(By.cssSelector("button.danger")).click();
        Chromium.awaitPath(browser, "/contacts");
        assertEquals("You have no contacts yet.", browser.findElement(By.className("empty")).getText());

        browser.switchTo().window(firstTab);
        browser.findElement(By.id("summary")).sendKeys("Called about the parity experiment");
        browser.findElement(By.cssSelector("section.log-activity button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts/" + contact + "/activities");

        assertEquals("Access denied: Contact not found in your authorized list.",
                browser.findElement(By.cssSelector("p[role=alert].alert")).getText());
        assertTrue(browser.findElement(By.className("note")).getText().startsWith("This page was out of date"));
        assertEquals(0, count("SELECT count(*) FROM activities WHERE contact_id = ? "
                + "OR summary = 'Called about the parity experiment'", contact));
        assertEquals(0, count("SELECT count(*) FROM contacts WHERE id = ?", contact));
        assertEquals(1, count("SELECT count(*) FROM access_refusals WHERE contact_id = ? AND operation = 'LOG_ACTIVITY'",
                contact));
    }

    @Test
    void aContactOpenInAnotherWindowSaysWithoutAReloadWhenItChangedAndWhenItIsGone() {
        browser = Chromium.start();
        signUp();
        createContact("Marie Curie");
        String contactUrl = browser.getCurrentUrl();
        String firstWindow = browser.getWindowHandle();
        assertFalse(browser.findElement(By.id("live")).isDisplayed(), "nothing to say yet");

        browser.switchTo().newWindow(WindowType.WINDOW);
        String secondWindow = browser.getWindowHandle();
        browser.get(contactUrl + "/edit");
        browser.findElement(By.id("company")).sendKeys("Radium Institute");
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts/[0-9a-f-]{36}");

        browser.switchTo().window(firstWindow);
        assertTrue(liveBanner().startsWith("This contact was changed elsewhere"), liveBanner());
        assertTrue(browser.findElements(By.id("contact-company")).isEmpty(), "the page itself was not reloaded");

        browser.switchTo().window(secondWindow);
        browser.findElement(By.cssSelector("button.danger")).click();
        Chromium.awaitPath(browser, "/contacts");

        browser.switchTo().window(firstWindow);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("live"), "This contact is no longer available."));
        assertEquals("status", browser.findElement(By.id("live")).getAttribute("role"));

        browser.get(base + "contacts");
        assertFalse(browser.findElement(By.id("live")).isDisplayed());
        browser.switchTo().window(secondWindow);
        createContact("Irène Joliot-Curie");
        browser.switchTo().window(firstWindow);
        assertTrue(liveBanner().startsWith("Your contacts changed elsewhere"), liveBanner());
        assertTrue(browser.findElements(By.className("contact-name")).isEmpty(), "the list itself was not reloaded");
    }

    /** Waits for the live banner to show, and gives its text. */
    private String liveBanner() {
        WebElement banner = browser.findElement(By.id("live"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOf(banner));
        return banner.getText();
    }

    /** Through the new-contact form; the browser lands on the contact's page. */
    private void createContact(String name) {
        browser.get(base + "contacts/new");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts/[0-9a-f-]{36}");
    }

    private void signUp() {
        browser.get(base + "signup");
        browser.findElement(By.id("displayName")).sendKeys("Tabitha Tabs");
        browser.findElement(By.id("email")).sendKeys(TestAccounts.uniqueEmail("tabs"));
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts");
    }
}
