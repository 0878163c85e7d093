package dev.kontak.imports.entity;

import dev.kontak.kernel.columns.NullableUuidColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * What became of one contact of an imported file, at its line: created, updated, skipped or failed, with the
 * reason; for undo, the contact's version when the import left it and, for an updated one, its card before.
 */
@Entity
@Table(name = "contact_import_rows")
@IdClass(ImportedRow.Key.class)
@NamedQuery(name = "ImportedRow.ofImport", query = "SELECT r FROM ImportedRow r WHERE r.importId = :import "
        + "AND r.line > :after ORDER BY r.line")
@NamedQuery(name = "ImportedRow.notable", query = "SELECT r FROM ImportedRow r WHERE r.importId = :import "
        + "AND (r.reason IS NOT NULL OR r.undoLeft IS NOT NULL) ORDER BY r.line")
@NamedQuery(name = "ImportedRow.created", query = "SELECT r FROM ImportedRow r WHERE r.importId = :import "
        + "AND r.line > :after AND r.outcome = dev.kontak.imports.entity.RowOutcome.CREATED ORDER BY r.line")
@NamedQuery(name = "ImportedRow.firstUpdates", query = "SELECT r FROM ImportedRow r WHERE r.importId = :import "
        + "AND r.line > :after AND r.previousCard IS NOT NULL AND NOT EXISTS (SELECT e FROM ImportedRow e "
        + "WHERE e.importId = r.importId AND e.contactId = r.contactId AND e.line < r.line AND e.previousCard IS NOT NULL) "
        + "ORDER BY r.line")
@NamedQuery(name = "ImportedRow.latestVersions", query = "SELECT r.contactId, MAX(r.versionAfter) FROM ImportedRow r "
        + "WHERE r.importId = :import AND r.contactId IN :contacts AND r.versionAfter IS NOT NULL GROUP BY r.contactId")
@NamedQuery(name = "ImportedRow.countToUndo", query = "SELECT COUNT(DISTINCT r.contactId) FROM ImportedRow r "
        + "WHERE r.importId = :import AND (r.outcome = dev.kontak.imports.entity.RowOutcome.CREATED "
        + "OR r.previousCard IS NOT NULL)")
public class ImportedRow {

    /** As long as the reason column. */
    public static final int MAX_REASON = 500;

    /** The primary key: an import and a line of its file. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        UUID importId;
        int line;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.importId.equals(importId) && key.line == line;
        }

        @Override
        public int hashCode() {
            return importId.hashCode() * 31 + line;
        }
    }

    @Id
    @Column(name = "import_id")
    private UUID importId;

    @Id
    private int line;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RowOutcome outcome;

    private String reason;

    @Convert(converter = NullableUuidColumn.class)
    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "version_after")
    private Long versionAfter;

    @Column(name = "previous_card")
    private String previousCard;

    @Column(name = "undo_left")
    private String undoLeft;

    protected ImportedRow() {
    }

    private ImportedRow(UUID importId, int line, RowOutcome outcome, String reason, UUID contactId, Long versionAfter,
            String previousCard) {
        this.importId = importId;
        this.line = line;
        this.outcome = outcome;
        this.reason = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        this.contactId = contactId;
        this.versionAfter = versionAfter;
        this.previousCard = previousCard;
    }

    public static ImportedRow created(UUID importId, int line, UUID contact, long version, String reason) {
        return new ImportedRow(importId, line, RowOutcome.CREATED, reason, contact, version, null);
    }

    /** @param previousCard null when the contact is one this import created */
    public static ImportedRow updated(UUID importId, int line, UUID contact, long version, String previousCard,
            String reason) {
        return new ImportedRow(importId, line, RowOutcome.UPDATED, reason, contact, version, previousCard);
    }

    public static ImportedRow skipped(UUID importId, int line, UUID contact, String reason) {
        return new ImportedRow(importId, line, RowOutcome.SKIPPED, reason, contact, null, null);
    }

    public static ImportedRow failed(UUID importId, int line, String reason) {
        return new ImportedRow(importId, line, RowOutcome.FAILED, reason, null, null, null);
    }

    /** Undo left the contact as it was, for this reason. */
    public void leftByUndo(String why) {
        this.undoLeft = why;
    }

    public int line() {
        return line;
    }

    public RowOutcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public UUID contactId() {
        return contactId;
    }

    public Long versionAfter() {
        return versionAfter;
    }

    public String previousCard() {
        return previousCard;
    }

    public String undoLeft() {
        return undoLeft;
    }
}
