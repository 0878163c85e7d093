package dev.kontak.web.api;

import dev.kontak.web.contacts.BulkActions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/contacts/bulk}: {@code {"action": "add-label|remove-label|share|unshare|delete",
 * "ids": [...]}} or {@code "all": true} with the list's {@code "q"} and {@code "filedUnder"} (its label filter), and
 * the action's {@code "label"} or
 * {@code "teamId"}. Ids are text, so that a malformed one is answered on its field.
 */
public record BulkInput(String action, List<String> ids, Boolean all, String q, String filedUnder, String label,
        String teamId) {

    BulkActions.Selection selection() {
        List<UUID> chosen = new ArrayList<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                chosen.add(Parameters.id("ids[" + i + "]", ids.get(i)));
            }
        }
        return new BulkActions.Selection(chosen, Boolean.TRUE.equals(all), q, filedUnder);
    }

    UUID team() {
        return teamId == null || teamId.isBlank() ? null : Parameters.id("teamId", teamId);
    }
}
