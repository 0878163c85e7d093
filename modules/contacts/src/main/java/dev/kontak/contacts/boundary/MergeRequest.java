package dev.kontak.contacts.boundary;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.MergedCard;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which contact to keep, which to merge into it (1 to 50 others), and where a field's value comes from other than
 * the kept contact (one of the contacts named).
 */
public record MergeRequest(UUID keep, SortedSet<UUID> merge, Map<MergedCard.Field, UUID> fields) {

    public MergeRequest {
        if (keep == null) {
            throw new InvalidField("keep", "Choose the contact to keep.");
        }
        merge = Collections.unmodifiableSortedSet(new TreeSet<>(merge == null ? Set.of() : merge));
        if (merge.isEmpty() || merge.size() > ContactDetails.MAX_EACH) {
            throw new InvalidField("merge", "Choose 1 to 50 contacts to merge into the one you keep.");
        }
        if (merge.contains(keep)) {
            throw new InvalidField("merge", "The contact you keep cannot be merged into itself.");
        }
        fields = fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fields));
        for (UUID source : fields.values()) {
            if (!keep.equals(source) && !merge.contains(source)) {
                throw new InvalidField("fields", "Take each field from one of the contacts you merge.");
            }
        }
    }
}
