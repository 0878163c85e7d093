package dev.kontak.web.api;

/** The body of {@code POST /api/teams}. */
public record NewTeam(String name) {
}
