package dev.kontak.web.imports;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.Chromium;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import dev.kontak.web.testing.TestDatabase;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in a real (headless) Chromium imports their address book on {@code /contacts/import}: watches the
 * progress bar move without a reload ({@code js/batch.js}) to the summary, finds the contacts in the list, says what
 * the columns of a CSV file with unknown headings hold, reads why a file was refused, and undoes an import.
 * Screenshots go to {@code docs/} ({@code -Dkontak.docs}, default {@code ../docs} from webapp/).
 */
@EnabledIf("dev.kontak.web.testing.Chromium#installed")
class BrowserImportIT {

    private static final int CARDS = 4000;

    URL base = SharedKontak.url();

    ChromeDriver browser;

    @TempDir
    Path files;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonWatchesTheirAddressBookComeInReadsTheSummaryAndUndoesIt() throws Exception {
        browser = Chromium.start();
        String email = signUp();
        browser.get(base + "contacts");
        browser.findElement(By.id("import")).click();
        Chromium.awaitPath(browser, "/contacts/import");
        Chromium.screenshot(browser, "import.png");

        upload(file("address-book.vcf", IntStream.range(0, CARDS).mapToObj(i -> "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                + "N:Orang " + i + ";Budi;;;\r\nFN:Budi Orang " + i + "\r\nEMAIL;TYPE=INTERNET,WORK:budi" + i
                + "@kantor.example\r\nEMAIL;TYPE=INTERNET,HOME:budi" + i + "@rumah.example\r\nTEL;TYPE=CELL:+62 812 "
                + String.format("%04d %04d", i / 10000, i % 10000) + "\r\nADR;TYPE=HOME:;;Jl. Melati " + i
                + ";Bandung;Jawa Barat;40115;Indonesia\r\nEND:VCARD\r\n").collect(Collectors.joining())), "skip");

        WebElement bar = Chromium.await(browser, By.id("batch-bar"));
        ((JavascriptExecutor) browser).executeScript("document.body.dataset.notReloaded = 'yes'");
        int first = value(bar);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> value(bar) > first && value(bar) < CARDS);
        assertEquals("yes", browser.findElement(By.tagName("body")).getAttribute("data-not-reloaded"),
                "the bar moved without a reload");
        assertTrue(browser.findElement(By.id("batch-status")).getText()
                .matches("[0-9,]+ of 4,000 contacts \u00b7 [0-9.]+ contacts/s \u00b7 about .+ left"),
                browser.findElement(By.id("batch-status")).getText());
        Chromium.screenshot(browser, "import-progress.png");

        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        WebElement summary = browser.findElement(By.id("import-summary"));
        assertEquals("Imported address-book.vcf: 4,000 created, 0 updated, 0 skipped, 0 failed.", summary.getText());
        Chromium.screenshot(browser, "import-summary.png");
        assertEquals(CARDS, TestDatabase.count("SELECT COUNT(*) FROM contacts c JOIN users u ON u.id = c.owner_id "
                + "WHERE u.email = ?", email));
        browser.get(base + "contacts?q=orang+1234");
        assertEquals(List.of("Budi Orang 1234"), browser.findElements(By.cssSelector("a.contact-name")).stream()
                .map(WebElement::getText).toList());

        browser.get(base + "contacts/import");
        upload(file("not-a-card.vcf", "BEGIN:VCARD\nFN:Ada\nEND:VCARD\nthis is no card\n"), "skip");
        assertEquals("Line 4 is not part of a vCard: it should begin with BEGIN:VCARD.",
                Chromium.await(browser, By.cssSelector("p.alert")).getText());

        upload(file("people.csv", "Kolom 1;Kolom 2;Kolom 3\r\nSiti Rahma;siti@contoh.example;0812 9999 0000\r\n"
                + "Budi Orang 7;budi7@kantor.example;\r\n"), "skip");
        Chromium.await(browser, By.id("columns"));
        new Select(browser.findElement(By.id("column0"))).selectByValue("name");
        new Select(browser.findElement(By.id("column1"))).selectByValue("email:work");
        new Select(browser.findElement(By.id("column2"))).selectByValue("phone:mobile");
        assertEquals("Siti Rahma", browser.findElement(By.cssSelector("table.preview tbody td")).getText());
        Chromium.screenshot(browser, "import-columns.png");
        browser.findElement(By.id("import-columns")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        WebElement mapped = browser.findElement(By.id("import-summary"));
        assertEquals("Imported people.csv: 1 created, 0 updated, 1 skipped, 0 failed.", mapped.getText());
        assertEquals(List.of("Matches a contact you already have."), browser.findElements(By.cssSelector("tr.import-row td:nth-child(3)"))
                .stream().map(WebElement::getText).toList());

        browser.findElement(By.id("undo-import")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "was undone"));
        assertTrue(browser.findElement(By.id("import-summary")).getText().startsWith("The import of people.csv was undone"));
        assertEquals(CARDS, TestDatabase.count("SELECT COUNT(*) FROM contacts c JOIN users u ON u.id = c.owner_id "
                + "WHERE u.email = ?", email), "Siti is gone, the address book stays");
    }

    private void upload(Path file, String onMatch) {
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("input[name=onMatch][value=" + onMatch + "]")).click();
        browser.findElement(By.id("start-import")).click();
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String signUp() {
        String email = TestAccounts.uniqueEmail("importer");
        browser.get(base + "signup");
        browser.findElement(By.id("displayName")).sendKeys("Ibu Impor");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts");
        return email;
    }

    private static int value(WebElement progress) {
        return (int) Double.parseDouble(progress.getDomProperty("value"));
    }
}
