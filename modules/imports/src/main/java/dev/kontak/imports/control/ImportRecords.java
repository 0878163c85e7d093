package dev.kontak.imports.control;

import dev.kontak.imports.entity.ContactImport;
import dev.kontak.imports.entity.ImportFileContent;
import dev.kontak.imports.entity.ImportedRow;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The caller's imports, their rows and files: every query names the owner, as row level security does. */
@ApplicationScoped
@Transactional
@ActsForCaller
public class ImportRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    ActingUser caller;

    /** A new import with its file; the files of the caller's earlier imports, which have ended, are deleted. */
    public ContactImport create(ContactImport started, byte[] file) {
        em.createQuery("DELETE FROM ImportFileContent f WHERE f.importId IN "
                        + "(SELECT i.id FROM ContactImport i WHERE i.ownerId = :owner)")
                .setParameter("owner", caller.id().value()).executeUpdate();
        em.persist(started);
        em.flush();
        em.persist(new ImportFileContent(started.id(), file));
        return started;
    }

    public Optional<ContactImport> find(UUID id) {
        return Optional.ofNullable(em.find(ContactImport.class, id)).filter(found -> found.ownerId().equals(caller.id().value()));
    }

    public Optional<ContactImport> latest() {
        return em.createNamedQuery("ContactImport.latestOf", ContactImport.class)
                .setParameter("owner", caller.id().value()).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<byte[]> file(UUID id) {
        return find(id).flatMap(found -> Optional.ofNullable(em.find(ImportFileContent.class, id)))
                .map(ImportFileContent::content);
    }

    public void deleteFile(UUID id) {
        find(id).ifPresent(found -> em.createQuery("DELETE FROM ImportFileContent f WHERE f.importId = :import")
                .setParameter("import", id).executeUpdate());
    }

    /** An import that never started: gone with its file. */
    public void forget(UUID id) {
        find(id).ifPresent(em::remove);
    }

    /** A draft with what each of its columns holds, and how many contacts that makes. */
    public void mapped(UUID id, String columns, int total) {
        find(id).ifPresent(found -> found.mapped(columns, total));
    }

    public void importedBy(UUID id, UUID run) {
        find(id).ifPresent(found -> found.importedBy(run));
    }

    public void undoneBy(UUID id, UUID run) {
        find(id).ifPresent(found -> found.undoneBy(run));
    }

    /** The rows after a line, in line order. */
    public List<ImportedRow> rows(UUID id, int afterLine, int limit) {
        return find(id).map(found -> em.createNamedQuery("ImportedRow.ofImport", ImportedRow.class)
                .setParameter("import", id).setParameter("after", afterLine).setMaxResults(limit).getResultList())
                .orElse(List.of());
    }

    /** The first rows that say something: failed, skipped, a note, or left by undo. */
    public List<ImportedRow> notableRows(UUID id, int limit) {
        return find(id).map(found -> em.createNamedQuery("ImportedRow.notable", ImportedRow.class)
                .setParameter("import", id).setMaxResults(limit).getResultList()).orElse(List.of());
    }

    public int countToUndo(UUID id) {
        return em.createNamedQuery("ImportedRow.countToUndo", Long.class).setParameter("import", id).getSingleResult()
                .intValue();
    }
}
