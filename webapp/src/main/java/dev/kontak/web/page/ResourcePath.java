package dev.kontak.web.page;

import java.util.Optional;
import java.util.UUID;

/**
 * The part of a URL after a collection's prefix ({@code /contacts}, {@code /teams}): {@code /new} is an action on
 * the collection (no id), {@code /{id}} an item's page (action ""), {@code /{id}/edit} an action on it, and
 * {@code /{id}/activities/{itemId}/delete} an action on something inside it (action "activities/delete").
 * Anything else, a malformed id included, is no path at all: the page answers 404.
 */
public record ResourcePath(UUID id, String action, UUID itemId) {

    private static final String WORD = "[a-z]+";

    public static Optional<ResourcePath> parse(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = pathInfo.substring(1).split("/", -1);
        if (parts.length == 1 && parts[0].matches(WORD)) {
            return Optional.of(new ResourcePath(null, parts[0], null));
        }
        Optional<UUID> id = Parameters.uuid(parts[0]);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return switch (parts.length) {
            case 1 -> Optional.of(new ResourcePath(id.get(), "", null));
            case 2 -> parts[1].matches(WORD) ? Optional.of(new ResourcePath(id.get(), parts[1], null)) : Optional.empty();
            case 4 -> parts[1].matches(WORD) && parts[3].matches(WORD)
                    ? Parameters.uuid(parts[2]).map(item -> new ResourcePath(id.get(), parts[1] + "/" + parts[3], item))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
