package dev.kontak.imports.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.UUID;

/** The file of an import while it runs, kept in the database so that any node can run or resume the import. */
@Entity
@Table(name = "contact_import_files")
public class ImportFileContent {

    @Id
    @Column(name = "import_id")
    private UUID importId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    protected ImportFileContent() {
    }

    public ImportFileContent(UUID importId, byte[] content) {
        this.importId = importId;
        this.content = content;
    }

    public byte[] content() {
        return content;
    }
}
