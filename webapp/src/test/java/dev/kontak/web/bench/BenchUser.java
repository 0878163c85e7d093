package dev.kontak.web.bench;

import dev.kontak.web.testing.Visitor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One of the two users the scale benchmark compares: signed in to the pages (a browser session) and, where this
 * build has app passwords, holding one for the API.
 */
final class BenchUser {

    final String email;
    final UUID id;
    final long accessible;
    final List<UUID> contacts;
    final Visitor browser;
    String appPassword;
    String deepCursor;
    long deepCursorDepth;
    Instant lastChange = Instant.now();
    private int nextContact;

    BenchUser(String email, UUID id, long accessible, List<UUID> contacts, URI base) {
        this.email = email;
        this.id = id;
        this.accessible = accessible;
        this.contacts = contacts;
        this.browser = new Visitor(base);
    }

    String label() {
        return String.format(Locale.ROOT, "%,d contacts", accessible);
    }

    /** A contact to view, in turn. */
    UUID nextContact() {
        nextContact = (nextContact + 1) % contacts.size();
        return contacts.get(nextContact);
    }

    /** The cheapest credentials the API takes from this user: an app password, else the account password. */
    HttpRequest.Builder api(HttpRequest.Builder request, String accountPassword) {
        return request.header("Authorization",
                appPassword != null ? "Bearer " + appPassword : Visitor.basic(email, accountPassword));
    }

    String apiCredentials() {
        return appPassword != null ? "app password" : "account password";
    }
}
