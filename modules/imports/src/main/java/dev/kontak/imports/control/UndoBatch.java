package dev.kontak.imports.control;

import dev.kontak.contacts.boundary.BulkOutcome;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.imports.entity.ContactImport;
import dev.kontak.imports.entity.ImportedRow;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.vcards.control.VCardMapping;
import ezvcard.Ezvcard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One batch of an import's undo, in one transaction: first the contacts the import created are deleted, then those
 * it updated get their card from before the import back; each only if nobody changed it since the import (its
 * version is the one the import left), else it is left and the row says why. Deleting and restoring never share a
 * transaction, so that every contact is checked and locked before any user's metadata row.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
public class UndoBatch {

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactBook contacts;

    public JobStep run(UUID importId, int batchSize) {
        ContactImport imported = em.find(ContactImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (imported == null) {
            return JobStep.end();
        }
        if (!imported.undoRestoring()) {
            List<ImportedRow> created = rows("ImportedRow.created", imported, batchSize);
            if (!created.isEmpty()) {
                return handled(imported, created, contacts.deleteAll(latestVersions(imported, created)));
            }
            imported.undoRestores();
        }
        List<ImportedRow> updated = rows("ImportedRow.firstUpdates", imported, batchSize);
        if (updated.isEmpty()) {
            return JobStep.end();
        }
        Map<UUID, UnaryOperator<ContactDetails>> restores = new HashMap<>();
        updated.forEach(row -> restores.put(row.contactId(), current -> previous(row)));
        return handled(imported, updated, contacts.changeAll(restores, latestVersions(imported, updated)));
    }

    private JobStep handled(ContactImport imported, List<ImportedRow> rows, BulkOutcome outcome) {
        rows.stream().filter(row -> outcome.left().containsKey(row.contactId()))
                .forEach(row -> row.leftByUndo(outcome.left().get(row.contactId())));
        int last = rows.get(rows.size() - 1).line();
        imported.undoHandled(last, outcome.left().size());
        return new JobStep(rows.size(), outcome.left().size(), outcome.done().size(), 0,
                (imported.undoRestoring() ? "restore:" : "delete:") + last);
    }

    private List<ImportedRow> rows(String query, ContactImport imported, int batchSize) {
        return em.createNamedQuery(query, ImportedRow.class).setParameter("import", imported.id())
                .setParameter("after", imported.undoAfter()).setMaxResults(batchSize).getResultList();
    }

    /** Each contact's version when the import last changed it: the one undo expects. */
    private Map<UUID, Long> latestVersions(ContactImport imported, List<ImportedRow> rows) {
        Map<UUID, Long> versions = new HashMap<>();
        em.createNamedQuery("ImportedRow.latestVersions", Object[].class).setParameter("import", imported.id())
                .setParameter("contacts", rows.stream().map(ImportedRow::contactId).distinct().toList()).getResultList()
                .forEach(row -> versions.put((UUID) row[0], ((Number) row[1]).longValue()));
        return versions;
    }

    private static ContactDetails previous(ImportedRow row) {
        return VCardMapping.toDetails(Ezvcard.parse(row.previousCard()).first());
    }
}
