package dev.kontak.web.testing;

import java.util.UUID;

/** Accounts the tests use; e-mail addresses are unique per call so that tests never depend on each other. */
public final class TestAccounts {

    public static final String ADMIN_EMAIL = "admin@kontak.test";
    public static final String ADMIN_PASSWORD = "admin-password-42";
    public static final String PASSWORD = "a long enough password";

    private TestAccounts() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@kontak.test";
    }
}
