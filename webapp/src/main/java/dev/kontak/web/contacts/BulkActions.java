package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.BulkOutcome;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.InvalidField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the list's bulk actions do, for the page and the API alike: the contacts selected (or all that a search
 * finds, at most {@code kontak.bulk.max-contacts}) get a label added or removed, are shared with a team or no longer,
 * or are deleted, in one transaction each; what the user may not do to some of them is left with the reason.
 */
@ApplicationScoped
public class BulkActions {

    /** An action, by the name the form and the API give it. */
    public enum Action {
        ADD_LABEL, REMOVE_LABEL, SHARE, UNSHARE, DELETE;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Action> of(String key) {
            return Arrays.stream(values()).filter(action -> action.key().equals(key)).findFirst();
        }
    }

    /**
     * Which contacts: those chosen, or every one a search finds (every contact for an empty one) among those filed
     * under the label (any, for a blank one).
     */
    public record Selection(List<UUID> ids, boolean allMatching, String search, String label) {
    }

    @Inject
    ContactBook contacts;

    @Inject
    @ConfigProperty(name = "kontak.bulk.max-contacts", defaultValue = "10000")
    int maxContacts;

    /** @param label for the label actions; @param teamId for sharing */
    public BulkOutcome apply(String action, Selection selection, String label, UUID teamId) {
        Action chosen = Action.of(action).orElseThrow(() -> new InvalidField("action",
                "Choose an action: " + String.join(", ", Arrays.stream(Action.values()).map(Action::key).toList()) + "."));
        List<UUID> ids = selected(selection);
        return switch (chosen) {
            case ADD_LABEL -> contacts.labelAll(ids, labelOf(label), true);
            case REMOVE_LABEL -> contacts.labelAll(ids, labelOf(label), false);
            case SHARE -> contacts.shareAll(ids, Optional.ofNullable(teamId)
                    .orElseThrow(() -> new InvalidField("teamId", "Choose a team to share with.")));
            case UNSHARE -> contacts.shareAll(ids, null);
            case DELETE -> contacts.deleteAll(ids);
        };
    }

    /** The ids selected: at least one, at most {@code kontak.bulk.max-contacts}. */
    public List<UUID> selected(Selection selection) {
        List<UUID> ids = selection.allMatching() ? contacts.matching(selection.search(), selection.label(), maxContacts + 1)
                : List.copyOf(selection.ids());
        if (ids.isEmpty()) {
            throw new InvalidField("ids", "Select at least one contact.");
        }
        if (ids.size() > maxContacts) {
            throw new InvalidField("ids", String.format(Locale.ROOT, "Select at most %,d contacts at once: narrow the search.",
                    maxContacts));
        }
        return ids;
    }

    private static String labelOf(String label) {
        String filed = label == null ? "" : label.strip();
        if (filed.isEmpty()) {
            throw new InvalidField("label", "Enter a label.");
        }
        if (filed.length() > 100) {
            throw new InvalidField("label", "Use at most 100 characters for a label.");
        }
        return filed;
    }
}
