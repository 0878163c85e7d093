package dev.kontak.web.api;

/** The body of {@code POST /api/app-passwords}. */
public record NewAppPassword(String name) {
}
