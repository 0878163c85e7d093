package dev.kontak.web.api;

import dev.kontak.contacts.boundary.InvalidField;
import dev.kontak.contacts.boundary.MergeRequest;
import dev.kontak.contacts.entity.MergedCard;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The body of {@code POST /api/contacts/merge}: {@code {"keep": id, "merge": [ids], "fields": {"name": id, ...}}},
 * ids as text so that a malformed one is answered on its field.
 */
public record MergeInput(String keep, List<String> merge, Map<String, String> fields) {

    MergeRequest request() {
        SortedSet<UUID> merged = new TreeSet<>();
        if (merge != null) {
            for (int i = 0; i < merge.size(); i++) {
                merged.add(Parameters.id("merge[" + i + "]", merge.get(i)));
            }
        }
        Map<MergedCard.Field, UUID> sources = new EnumMap<>(MergedCard.Field.class);
        if (fields != null) {
            fields.forEach((key, id) -> sources.put(MergedCard.Field.ofKey(key).orElseThrow(() -> new InvalidParameter(
                    "fields", "Choose fields among " + MergedCard.Field.keys() + ".")), Parameters.id("fields." + key, id)));
        }
        try {
            return new MergeRequest(keep == null ? null : Parameters.id("keep", keep), merged, sources);
        } catch (InvalidField invalid) {
            throw new InvalidParameter(invalid.field(), invalid.getMessage());
        }
    }
}
