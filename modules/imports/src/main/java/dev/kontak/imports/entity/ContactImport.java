package dev.kontak.imports.entity;

import dev.kontak.kernel.columns.NullableUuidColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file a user imports: its format, what to do with matches, how far it got (in the transaction of each batch,
 * so that a batch run again after an interruption is not imported twice), what it did so far, and the job runs
 * that import it and undo it.
 */
@Entity
@Table(name = "contact_imports")
@NamedQuery(name = "ContactImport.latestOf", query = "SELECT i FROM ContactImport i WHERE i.ownerId = :owner "
        + "ORDER BY i.startedAt DESC, i.id")
public class ContactImport {

    @Id
    private UUID id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @Column(name = "file_name", updatable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ImportFormat format;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_match", nullable = false, updatable = false)
    private OnMatch onMatch;

    @Column(name = "csv_columns")
    private String csvColumns;

    private int total;
    private int position;
    private int created;
    private int updated;
    private int skipped;
    private int failed;

    @Convert(converter = NullableUuidColumn.class)
    @Column(name = "import_run")
    private UUID importRun;

    @Convert(converter = NullableUuidColumn.class)
    @Column(name = "undo_run")
    private UUID undoRun;

    @Column(name = "undo_restoring")
    private boolean undoRestoring;

    @Column(name = "undo_after")
    private int undoAfter;

    @Column(name = "undo_left")
    private int undoLeft;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    protected ContactImport() {
    }

    public ContactImport(UUID ownerId, String fileName, ImportFormat format, OnMatch onMatch, String csvColumns,
            int total, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = Objects.requireNonNull(ownerId);
        this.fileName = fileName == null || fileName.length() <= 255 ? fileName : fileName.substring(0, 255);
        this.format = format;
        this.onMatch = onMatch;
        this.csvColumns = csvColumns;
        this.total = total;
        this.startedAt = now;
    }

    /** One batch handled: {@code rows} more contacts of the file, with what became of them. */
    public void handled(int rows, int created, int updated, int skipped, int failed) {
        this.position += rows;
        this.created += created;
        this.updated += updated;
        this.skipped += skipped;
        this.failed += failed;
    }

    /** One batch of undo handled, up to this line of its pass; {@code left} of its contacts left as they were. */
    public void undoHandled(int lastLine, int left) {
        this.undoAfter = lastLine;
        this.undoLeft += left;
    }

    /** Undo deleted what the import created; it now restores what it updated, from the first line. */
    public void undoRestores() {
        this.undoRestoring = true;
        this.undoAfter = 0;
    }

    /** What each column of a CSV file holds, as the user said it, and how many contacts the file holds read so. */
    public void mapped(String columns, int total) {
        this.csvColumns = columns;
        this.total = total;
    }

    public void importedBy(UUID run) {
        this.importRun = run;
    }

    public void undoneBy(UUID run) {
        this.undoRun = run;
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String fileName() {
        return fileName;
    }

    public ImportFormat format() {
        return format;
    }

    public OnMatch onMatch() {
        return onMatch;
    }

    public String csvColumns() {
        return csvColumns;
    }

    public int total() {
        return total;
    }

    public int position() {
        return position;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int skipped() {
        return skipped;
    }

    public int failed() {
        return failed;
    }

    public UUID importRun() {
        return importRun;
    }

    public UUID undoRun() {
        return undoRun;
    }

    public boolean undoRestoring() {
        return undoRestoring;
    }

    public int undoAfter() {
        return undoAfter;
    }

    public int undoLeft() {
        return undoLeft;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
