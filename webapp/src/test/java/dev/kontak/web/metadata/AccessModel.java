package dev.kontak.web.metadata;

import dev.kontak.contacts.entity.Checksums;
import dev.kontak.metadata.entity.MetadataValues;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The test's own oracle of what a user's metadata must be: the rule written out small, over the rows as they are
 * (who owns which contact, which team it is shared with, who is in which team with which role, which activities
 * are on it), read with plain SQL. A user may access their own contacts and those shared with a team they belong
 * to; counts, the latest activity and the checksum are over those contacts; everyone may create contacts and teams,
 * a member of team T may share with it and its owner manage it. Independent of the deltas and of the full
 * recompute it checks; only the hash of one contact or activity is {@link Checksums}'s.
 */
final class AccessModel {

    private record ContactRow(UUID id, UUID owner, UUID team, long version) {
    }

    private record ActivityRow(UUID id, UUID contact, long version, Instant occurredAt) {
    }

    private final List<ContactRow> contacts = new ArrayList<>();
    private final List<ActivityRow> activities = new ArrayList<>();
    private final Map<UUID, Map<UUID, String>> rolesByUser = new HashMap<>();

    /** The rows as committed now, read as the tables' owner (past row level security). */
    static AccessModel read(Connection db) throws SQLException {
        AccessModel model = new AccessModel();
        try (Statement query = db.createStatement()) {
            try (ResultSet row = query.executeQuery("SELECT id, owner_id, team_id, version FROM contacts")) {
                while (row.next()) {
                    model.contacts.add(new ContactRow(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            row.getObject(3, UUID.class), row.getLong(4)));
                }
            }
            try (ResultSet row = query.executeQuery("SELECT id, contact_id, version, occurred_at FROM activities")) {
                while (row.next()) {
                    model.activities.add(new ActivityRow(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            row.getLong(3), row.getObject(4, Timestamp.class).toInstant()));
                }
            }
            try (ResultSet row = query.executeQuery("SELECT user_id, team_id, role FROM team_members")) {
                while (row.next()) {
                    model.rolesByUser.computeIfAbsent(row.getObject(1, UUID.class), user -> new HashMap<>())
                            .put(row.getObject(2, UUID.class), row.getString(3));
                }
            }
        }
        return model;
    }

    /** Contacts some user may access without owning them: whether a sequence exercised sharing at all. */
    long accessedByOthers(List<UUID> users) {
        return users.stream().mapToLong(user -> of(user).contactIds().stream()
                .filter(id -> contacts.stream().anyMatch(c -> c.id.equals(id) && !c.owner.equals(user))).count()).sum();
    }

    /** What the user's metadata must hold (a user who is not an administrator). */
    MetadataValues of(UUID user) {
        Map<UUID, String> roles = rolesByUser.getOrDefault(user, Map.of());
        TreeSet<UUID> accessible = new TreeSet<>();
        long checksum = 0;
        for (ContactRow contact : contacts) {
            if (contact.owner.equals(user) || contact.team != null && roles.containsKey(contact.team)) {
                accessible.add(contact.id);
                checksum += Checksums.contactTerm(contact.id, contact.version);
            }
        }
        int count = 0;
        Instant latest = null;
        for (ActivityRow activity : activities) {
            if (accessible.contains(activity.contact)) {
                count++;
                checksum += Checksums.activityTerm(activity.id, activity.version);
                latest = latest == null || activity.occurredAt.isAfter(latest) ? activity.occurredAt : latest;
            }
        }
        TreeSet<String> permissions = new TreeSet<>(List.of("contacts:create", "teams:create"));
        roles.forEach((team, role) -> {
            permissions.add("team:" + team + ":share");
            if (role.equals("OWNER")) {
                permissions.add("team:" + team + ":manage");
            }
        });
        List<String> teams = roles.keySet().stream().map(UUID::toString).sorted().toList();
        return new MetadataValues(accessible, count, latest, teams, List.copyOf(permissions), Checksums.format(checksum));
    }
}
