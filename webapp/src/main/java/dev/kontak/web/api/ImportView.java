package dev.kontak.web.api;

import dev.kontak.imports.boundary.ImportStatus;
import dev.kontak.imports.entity.ImportedRow;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.UUID;

/**
 * An import as the API shows it: where it is and, page by page, what became of each contact of the file.
 *
 * @param rows the rows after the line asked for, in line order; {@code nextAfter} is the line to ask from next
 */
public record ImportView(UUID id, String status, String phase, String fileName, String format, String onMatch,
        int total, int done, int created, int updated, int skipped, int failed, int undoLeft, double ratePerSecond,
        @JsonbNillable Long secondsLeft, boolean cancelRequested, List<Row> rows, @JsonbNillable Integer nextAfter) {

    /** One contact of the file: its line, created, updated, skipped or failed, why, and the contact. */
    public record Row(int line, String outcome, @JsonbNillable String reason, @JsonbNillable UUID contactId,
            @JsonbNillable String undoLeft) {

        static Row of(ImportedRow row) {
            return new Row(row.line(), row.outcome().key(), row.reason(), row.contactId(), row.undoLeft());
        }
    }

    static ImportView of(ImportStatus status, List<ImportedRow> rows, int limit) {
        return new ImportView(status.id(), status.status(), status.phase(), status.fileName(), status.format(),
                status.onMatch(), status.total(), status.done(), status.created(), status.updated(), status.skipped(),
                status.failed(), status.undoLeft(), Math.round(status.ratePerSecond() * 10) / 10.0,
                status.secondsLeft(), status.cancelRequested(), rows.stream().map(Row::of).toList(),
                rows.size() == limit ? rows.get(rows.size() - 1).line() : null);
    }
}
