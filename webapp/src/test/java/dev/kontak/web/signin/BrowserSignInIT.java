package dev.kontak.web.signin;

import static dev.kontak.web.testing.TestAccounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontak.web.testing.Chromium;
import dev.kontak.web.testing.SharedKontak;
import dev.kontak.web.testing.TestAccounts;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A person in a real (headless) Chromium: signs up, signs out, signs in, sees their contacts page. */
@EnabledIf("dev.kontak.web.testing.Chromium#installed")
class BrowserSignInIT {

    URL base = SharedKontak.url();

    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signUpSignOutSignIn() {
        browser = Chromium.start();
        String email = TestAccounts.uniqueEmail("browser");

        browser.get(base + "signup");
        browser.findElement(By.id("displayName")).sendKeys("Bruno Browser");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts");
        assertEquals("Bruno Browser", browser.findElement(By.className("who")).getText());
        assertEquals("You have no contacts yet.", browser.findElement(By.className("empty")).getText());

        browser.findElement(By.cssSelector("header form button")).click();
        Chromium.awaitPath(browser, "/login");

        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("not my password");
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        assertEquals("Wrong e-mail address or password.", Chromium.await(browser, By.cssSelector("[role=alert]")).getText());

        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        Chromium.awaitPath(browser, "/contacts");
        assertTrue(browser.getTitle().startsWith("Contacts"));
        assertEquals("Bruno Browser", browser.findElement(By.className("who")).getText());
    }
}
