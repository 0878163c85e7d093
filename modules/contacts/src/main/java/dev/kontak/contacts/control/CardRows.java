package dev.kontak.contacts.control;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.PostalAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of many new cards' lists (e-mails, phones, addresses, web addresses, labels, photo) written at once, a
 * JDBC batch per table: what EclipseLink would write as a few statements per contact, since it writes a contact's
 * lists right after the contact. On PostgreSQL the driver sends each batch as multi-row inserts
 * ({@code reWriteBatchedInserts}, set on the data source). The columns are those the entity's mappings name.
 */
public final class CardRows {

    private CardRows() {
    }

    /** @param cards the new contacts' cards by their ids: the contacts' rows are written already */
    public static void insert(Connection db, Map<UUID, ContactDetails> cards) throws SQLException {
        try (PreparedStatement emails = db.prepareStatement(
                     "INSERT INTO contact_emails (contact_id, ordinal, label, address) VALUES (?, ?, ?, ?)");
             PreparedStatement phones = db.prepareStatement(
                     "INSERT INTO contact_phones (contact_id, ordinal, label, number, e164) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement addresses = db.prepareStatement("INSERT INTO contact_addresses (contact_id, ordinal, "
                     + "label, po_box, extended, street, locality, region, postal_code, country) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement urls = db.prepareStatement(
                     "INSERT INTO contact_urls (contact_id, ordinal, label, url) VALUES (?, ?, ?, ?)");
             PreparedStatement labels = db.prepareStatement(
                     "INSERT INTO contact_labels (contact_id, label) VALUES (?, ?)");
             PreparedStatement photos = db.prepareStatement("INSERT INTO contact_photos "
                     + "(contact_id, media_type, image, width, height) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<UUID, ContactDetails> card : cards.entrySet()) {
                UUID id = card.getKey();
                ContactDetails details = card.getValue();
                each(emails, id, details.emails(), (row, email) -> values(row, email.label(), email.address()));
                each(phones, id, details.phones(),
                        (row, phone) -> values(row, phone.label(), phone.number(), phone.e164()));
                each(addresses, id, details.addresses(), CardRows::address);
                each(urls, id, details.urls(), (row, web) -> values(row, web.label(), web.url()));
                for (String label : details.labels()) {
                    labels.setObject(1, id);
                    labels.setString(2, label);
                    labels.addBatch();
                }
                if (details.photo() != null) {
                    photos.setObject(1, id);
                    photos.setString(2, details.photo().mediaType());
                    photos.setBytes(3, details.photo().image());
                    photos.setInt(4, details.photo().width());
                    photos.setInt(5, details.photo().height());
                    photos.addBatch();
                }
            }
            for (PreparedStatement table : List.of(emails, phones, addresses, urls, labels, photos)) {
                table.executeBatch();
            }
        }
    }

    private interface Row<T> {
        void set(PreparedStatement row, T value) throws SQLException;
    }

    private static <T> void each(PreparedStatement table, UUID id, List<T> values, Row<T> row) throws SQLException {
        for (int ordinal = 0; ordinal < values.size(); ordinal++) {
            table.setObject(1, id);
            table.setInt(2, ordinal);
            row.set(table, values.get(ordinal));
            table.addBatch();
        }
    }

    private static void address(PreparedStatement row, PostalAddress address) throws SQLException {
        values(row, address.label(), address.poBox(), address.extended(), address.street(), address.locality(),
                address.region(), address.postalCode(), address.country());
    }

    /** The values after the id and the ordinal. */
    private static void values(PreparedStatement row, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            row.setString(3 + i, values[i]);
        }
    }
}
