package dev.kontak.web.api;

/** The body of {@code POST /api/teams/{id}/members}: the e-mail address of the account to add. */
public record NewMember(String email) {
}
