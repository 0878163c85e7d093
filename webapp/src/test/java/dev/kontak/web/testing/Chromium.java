package dev.kontak.web.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium, driven without Selenium Manager (nothing is downloaded). */
public final class Chromium {

    private static final Path BINARY = Path.of(System.getProperty("kontak.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("kontak.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /**
     * Whether Chromium and its driver are installed (.ci/run installs them): browser test classes are
     * {@code @EnabledIf("dev.kontak.web.testing.Chromium#installed")}, so that without them no server is started
     * for nothing.
     */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test, saying why, where Chromium is not installed. */
    public static ChromeDriver start() {
        assumeTrue(installed(),
                "Browser tests skipped: install Debian's chromium and chromium-driver (" + BINARY + ", " + DRIVER + ")");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /**
     * Waits until the page shows an element matching {@code what}: a form answered on the same path (a refused
     * sign-in) leaves the old page in place until the new one arrives.
     */
    public static WebElement await(WebDriver browser, By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(what));
    }

    /**
     * The page from its top, as tall as it is up to 1,800 pixels, into {@code docs/} ({@code -Dkontak.docs}, default
     * {@code ../docs} from webapp/): the screenshots the documentation shows.
     */
    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path docs = Path.of(System.getProperty("kontak.docs", "../docs"));
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 1800)));
        Files.createDirectories(docs);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(window);
    }

    /** Waits until the browser's URL ends with a path matching {@code pathRegex}: pages answer forms with 303. */
    public static void awaitPath(WebDriver browser, String pathRegex) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*" + pathRegex + "$"));
    }
}
