package dev.kontak.web.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What order a user's contact list must have, computed here from the rows (not by the code under test): the
 * contacts they own or that are shared with a team of theirs, newest first (created_at, then id, descending) or by
 * lower-cased name, then id. Ids compare as PostgreSQL compares uuids, byte by byte: the order of their text.
 */
public final class ListOrderModel {

    private record Row(String id, String name, Timestamp createdAt) {
    }

    private ListOrderModel() {
    }

    /** @param sort "newest" or "name"; returns contact ids */
    public static List<String> of(UUID user, String sort) throws SQLException {
        Comparator<Row> byId = Comparator.comparing(Row::id);
        Comparator<Row> order = sort.equals("name")
                ? Comparator.comparing((Row row) -> row.name().toLowerCase(Locale.ROOT)).thenComparing(byId)
                : Comparator.comparing(Row::createdAt).thenComparing(byId).reversed();
        return rows(user).stream().sorted(order).map(Row::id).toList();
    }

    private static List<Row> rows(UUID user) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement("SELECT id, name, "
                + "created_at FROM contacts WHERE owner_id = ? OR team_id IN (SELECT team_id FROM team_members WHERE user_id = ?)")) {
            query.setObject(1, user);
            query.setObject(2, user);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getTimestamp(3)));
                }
            }
            return rows;
        }
    }
}
