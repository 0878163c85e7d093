package dev.kontak.metadata.entity;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a user's stored metadata differs from what the data says: the names of the drifted columns
 * ({@code contact_ids} is the user's access list), empty when the row is right. Names only, never values, so that
 * they can be logged.
 */
public record Drift(Set<String> columns) {

    public static final String MISSING_ROW = "row";

    public Drift {
        columns = Set.copyOf(columns);
    }

    public static Drift none() {
        return new Drift(Set.of());
    }

    /** The user has no metadata row at all. */
    public static Drift missingRow() {
        return new Drift(Set.of(MISSING_ROW));
    }

    /**
     * @param expected      a full recompute from the data
     * @param stored        the row and access list as they are
     * @param storedCount   the row's contact_count, which {@link MetadataValues} leaves out (it is the size of the list)
     */
    public static Drift between(MetadataValues expected, MetadataValues stored, int storedCount) {
        Set<String> columns = new TreeSet<>();
        if (!expected.contactIds().equals(stored.contactIds())) {
            columns.add("contact_ids");
        }
        if (expected.contactIds().size() != storedCount) {
            columns.add("contact_count");
        }
        if (expected.activityCount() != stored.activityCount()) {
            columns.add("activity_count");
        }
        if (!Objects.equals(expected.lastActivityAt(), stored.lastActivityAt())) {
            columns.add("last_activity_at");
        }
        if (!expected.teamIds().equals(stored.teamIds())) {
            columns.add("team_ids");
        }
        if (!expected.permissions().equals(stored.permissions())) {
            columns.add("permissions");
        }
        if (!expected.dataChecksum().equals(stored.dataChecksum())) {
            columns.add("data_checksum");
        }
        return new Drift(columns);
    }

    public boolean any() {
        return !columns.isEmpty();
    }
}
