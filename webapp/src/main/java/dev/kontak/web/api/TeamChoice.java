package dev.kontak.web.api;

/**
 * The body of {@code PUT /api/contacts/{id}/team}: the team to share with, or null to stop sharing. The id is
 * text so that a malformed one is answered on its field ({@link Parameters#id}) rather than as unreadable JSON.
 */
public record TeamChoice(String teamId) {
}
