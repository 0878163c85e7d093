package dev.kontak.web.admin;

import static dev.kontak.web.testing.TestAccounts.ADMIN_EMAIL;
import static dev.kontak.web.testing.TestAccounts.ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.seed.SampleData;
import dev.kontak.web.testing.Chromium;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestDatabase;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator in a real (headless) Chromium opens the metadata health page of a database with 1,000 sample
 * users (some rows missing or drifted on purpose, {@link SampleData}), starts "verify integrity of all users",
 * watches the progress bar advance without a reload ({@code js/batch.js}) to the end, and reads the summary.
 * Screenshots of the page go to {@code docs/} ({@code -Dkontak.docs}, default {@code ../docs} from webapp/).
 */
@EnabledIf("dev.kontak.web.testing.Chromium#installed")
class BrowserAdminMetadataIT {

    URL base = SharedKontak.url();

    ChromeDriver browser;

    @AfterEach
    void closeBrowserAndRemoveTheSampleUsers() throws SQLException {
        if (browser != null) {
            browser.quit();
        }
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            statement.execute("DELETE FROM teams WHERE created_by IN (SELECT id FROM users WHERE email LIKE 'sample-%@kontak.example')");
            statement.execute("DELETE FROM users WHERE email LIKE 'sample-%@kontak.example'");
        }
    }

    @Test
    void anAdministratorWatchesVerifyingEveryUserToTheEndAndReadsTheSummary() throws Exception {
        browser = Chromium.start();
        SampleData.Written sample;
        try (Connection db = TestDatabase.connect()) {
            sample = new SampleData().fill(db, new SampleData.Plan(1000, 3, 2, true));
        }
        signInAsAdmin();
        browser.get(base + "admin/metadata");
        assertEquals("Metadata health", browser.findElement(By.tagName("h1")).getText());
        assertEquals(50, browser.findElements(By.cssSelector("tr.user-line")).size(), "a page of 50 users");
        assertEquals(String.format("%,d", TestDatabase.count("SELECT count(*) FROM users")),
                browser.findElement(By.id("total-users")).getText());
        assertEquals(3, browser.findElements(By.cssSelector("figure.chart svg")).size());
        assertTrue(browser.findElements(By.cssSelector("figure.chart svg rect.bar")).size() >= 48, "24 bars in each hourly chart");
        Chromium.screenshot(browser, "admin-metadata.png");

        browser.findElement(By.cssSelector("form.start-verify button")).click();
        Chromium.awaitPath(browser, "/admin/metadata");
        WebElement bar = browser.findElement(By.id("batch-bar"));
        ((JavascriptExecutor) browser).executeScript("document.body.dataset.notReloaded = 'yes'");
        int first = value(bar);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> value(bar) > first && value(bar) < max(bar));
        assertEquals("yes", browser.findElement(By.tagName("body")).getAttribute("data-not-reloaded"),
                "the bar moved without a reload");
        assertTrue(browser.findElement(By.id("batch-status")).getText()
                .matches("[0-9,]+ of [0-9,]+ users \u00b7 [0-9.]+ users/s \u00b7 about .+ left"),
                browser.findElement(By.id("batch-status")).getText());
        Chromium.screenshot(browser, "admin-metadata-progress.png");

        WebElement summary = new WebDriverWait(browser, Duration.ofSeconds(180))
                .until(b -> b.findElements(By.id("batch-summary")).stream().findFirst().orElse(null));
        Matcher counts = Pattern.compile("Verify integrity of all users \\(completed\\), started by " + Pattern.quote(ADMIN_EMAIL)
                + " at .* UTC: ([0-9,]+) of ([0-9,]+) users checked, ([0-9,]+) drifted, ([0-9,]+) repaired, 0 failures in .*")
                .matcher(summary.getText());
        assertTrue(counts.matches(), summary.getText());
        assertEquals(counts.group(2), counts.group(1), "every user checked");
        long users = TestDatabase.count("SELECT count(*) FROM users");
        assertEquals(users, Long.parseLong(counts.group(2).replace(",", "")));
        int repaired = Integer.parseInt(counts.group(4).replace(",", ""));
        assertTrue(repaired >= sample.missingRows() + sample.driftedRows(), summary.getText());
        assertEquals(sample.missingRows() + sample.driftedRows(), TestDatabase.count("SELECT count(*) FROM metadata_checks c "
                + "JOIN users u ON u.id = c.user_id WHERE u.email LIKE 'sample-%' AND c.outcome = 'REPAIRED'"),
                "exactly the rows the sample data left wrong were repaired: the others were written as Kontak computes them");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users u WHERE NOT EXISTS "
                + "(SELECT 1 FROM user_metadata m WHERE m.user_id = u.id)"), "no row is missing any more");
        Chromium.screenshot(browser, "admin-metadata-summary.png");
    }

    private void signInAsAdmin() {
        browser.get(base + "login");
        browser.findElement(By.id("email")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts");
    }

    private static int value(WebElement progress) {
        return (int) Double.parseDouble(progress.getDomProperty("value"));
    }

    private static int max(WebElement progress) {
        return (int) Double.parseDouble(progress.getDomProperty("max"));
    }
}
