package dev.kontak.imports.control;

import dev.kontak.contacts.boundary.BulkOutcome;
import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactMatches;
import dev.kontak.contacts.control.PhoneNumbers;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.imports.entity.ContactImport;
import dev.kontak.imports.entity.ImportedRow;
import dev.kontak.imports.entity.OnMatch;
import dev.kontak.imports.entity.RowOutcome;
import dev.kontak.jobs.boundary.JobStep;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.vcards.control.VCardMapping;
import ezvcard.Ezvcard;
import ezvcard.VCardVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One batch of an import, in one transaction: the next few hundred contacts of the file validated, matched against
 * the contacts the user may edit (two queries for the batch) and against the file's earlier lines, then the
 * matches updated and the new contacts created together (so every affected user's metadata is written once per
 * batch), every line's outcome recorded, and the import's position advanced. A batch is whole or not at all: run
 * again after an interruption, it starts where the last committed one ended.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
public class ImportBatch {

    @PersistenceContext
    EntityManager em;

    @Inject
    ContactBook contacts;

    @Inject
    PhoneNumbers phones;

    @Inject
    Validator validator;

    /** A line to create, or one merged into a contact created by an earlier line of the same batch. */
    private record NewContact(int line, ContactDetails details, List<Integer> mergedLines) {
    }

    public JobStep run(UUID importId, CardSource source, FileMatches inFile, int batchSize) {
        ContactImport imported = em.find(ContactImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (imported == null || imported.position() >= imported.total()) {
            return JobStep.end();
        }
        List<ImportedCard> cards = source.take(imported.position(), Math.min(batchSize, imported.total() - imported.position()));
        if (cards.isEmpty()) {
            return JobStep.end();
        }
        Outcomes outcomes = new Outcomes(importId);
        List<ImportedCard> valid = new ArrayList<>();
        for (ImportedCard card : cards) {
            Optional<String> invalid = card.details() == null ? Optional.of(card.problem()) : problemOf(card.details());
            if (invalid.isPresent()) {
                outcomes.add(ImportedRow.failed(importId, card.line(), invalid.get()));
            } else {
                valid.add(new ImportedCard(card.line(), normalised(card.details()), card.problem()));
            }
        }
        write(imported.onMatch(), valid, inFile, outcomes);
        outcomes.rows.forEach(em::persist);
        imported.handled(cards.size(), outcomes.count(RowOutcome.CREATED), outcomes.count(RowOutcome.UPDATED),
                outcomes.count(RowOutcome.SKIPPED), outcomes.count(RowOutcome.FAILED));
        if (imported.position() >= imported.total()) {
            em.createQuery("DELETE FROM ImportFileContent f WHERE f.importId = :import").setParameter("import", importId)
                    .executeUpdate();
        }
        return new JobStep(cards.size(), outcomes.count(RowOutcome.SKIPPED),
                outcomes.count(RowOutcome.CREATED) + outcomes.count(RowOutcome.UPDATED),
                outcomes.count(RowOutcome.FAILED), Integer.toString(imported.position()));
    }

    private void write(OnMatch onMatch, List<ImportedCard> cards, FileMatches inFile, Outcomes outcomes) {
        ContactMatches existing = contacts.holding(
                cards.stream().flatMap(card -> CardMerge.emailKeys(card.details()).stream()).toList(),
                cards.stream().flatMap(card -> FileMatches.e164s(card.details()).stream()).toList());
        Map<UUID, List<ImportedCard>> updates = new LinkedHashMap<>();
        Map<Integer, NewContact> creations = new LinkedHashMap<>();
        Map<Integer, Integer> createdBy = new HashMap<>(); // a line of this batch -> the line whose new contact holds it
        for (ImportedCard card : cards) {
            ContactDetails details = card.details();
            Optional<Integer> earlier = inFile.earlierLine(card.line(), details);
            Optional<UUID> match = existing.of(CardMerge.emailKeys(details), FileMatches.e164s(details));
            String note = joined(card.problem(), earlier.map(line -> "Same e-mail or phone as line " + line + ".")
                    .orElse(null));
            Integer pendingLine = earlier.map(createdBy::get).orElse(null);
            if (onMatch == OnMatch.CREATE || (match.isEmpty() && pendingLine == null)) {
                creations.put(card.line(), new NewContact(card.line(), details, new ArrayList<>()));
                createdBy.put(card.line(), card.line());
                outcomes.notes.put(card.line(), joined(note,
                        match.isPresent() && earlier.isEmpty() ? "Matches a contact you already have." : null));
            } else if (onMatch == OnMatch.SKIP && match.isEmpty()) {
                outcomes.skippedFor.put(card.line(), pendingLine);
                outcomes.notes.put(card.line(), note);
            } else if (onMatch == OnMatch.SKIP) {
                outcomes.add(ImportedRow.skipped(outcomes.importId, card.line(), match.orElse(null),
                        earlier.isPresent() ? note : joined(card.problem(), "Matches a contact you already have.")));
            } else if (match.isPresent()) {
                updates.computeIfAbsent(match.get(), id -> new ArrayList<>()).add(card);
            } else {
                NewContact created = creations.get(pendingLine);
                creations.put(pendingLine, new NewContact(pendingLine, CardMerge.merge(created.details(), details),
                        created.mergedLines()));
                created.mergedLines().add(card.line());
                createdBy.put(card.line(), pendingLine);
                outcomes.notes.put(card.line(), note);
            }
        }
        update(updates, outcomes);
        create(List.copyOf(creations.values()), outcomes);
    }

    private void update(Map<UUID, List<ImportedCard>> updates, Outcomes outcomes) {
        if (updates.isEmpty()) {
            return;
        }
        Map<UUID, String> before = new HashMap<>();
        Map<UUID, UnaryOperator<ContactDetails>> changes = new HashMap<>();
        updates.forEach((contact, rows) -> changes.put(contact, current -> {
            before.put(contact, Ezvcard.write(VCardMapping.toVCard(current, VCardVersion.V4_0)).version(VCardVersion.V4_0)
                    .prodId(false).go());
            ContactDetails merged = current;
            for (ImportedCard row : rows) {
                merged = CardMerge.merge(merged, row.details());
            }
            return merged;
        }));
        BulkOutcome done = contacts.changeAll(changes, Map.of());
        updates.forEach((contact, rows) -> rows.forEach(row -> outcomes.add(done.done().containsKey(contact)
                ? ImportedRow.updated(outcomes.importId, row.line(), contact, done.done().get(contact), before.get(contact),
                        row.problem())
                : ImportedRow.failed(outcomes.importId, row.line(), "Not updated: " + done.left().get(contact)))));
    }

    private void create(List<NewContact> creations, Outcomes outcomes) {
        if (creations.isEmpty()) {
            return;
        }
        List<Contact> created = contacts.createAll(creations.stream().map(NewContact::details).toList());
        for (int i = 0; i < creations.size(); i++) {
            NewContact creation = creations.get(i);
            Contact contact = created.get(i);
            outcomes.add(ImportedRow.created(outcomes.importId, creation.line(), contact.id(), contact.version(),
                    outcomes.notes.get(creation.line())));
            creation.mergedLines().forEach(line -> outcomes.add(ImportedRow.updated(outcomes.importId, line,
                    contact.id(), contact.version(), null, outcomes.notes.get(line))));
            outcomes.skippedFor.forEach((line, createdLine) -> {
                if (createdLine == creation.line()) {
                    outcomes.add(ImportedRow.skipped(outcomes.importId, line, contact.id(), outcomes.notes.get(line)));
                }
            });
        }
    }

    /** Two sentences of a row's reason, either of them null. */
    private static String joined(String first, String second) {
        return first == null ? second : second == null ? first : first + " " + second;
    }

    private ContactDetails normalised(ContactDetails details) {
        return details.withPhones(phones.normalised(details.phones()));
    }

    /** The lines of a batch as they are decided: the rows to record, and the notes of lines still to create. */
    private static final class Outcomes {
        final UUID importId;
        final List<ImportedRow> rows = new ArrayList<>();
        final Map<Integer, String> notes = new HashMap<>();
        final Map<Integer, Integer> skippedFor = new HashMap<>(); // a line skipped -> the line creating its contact

        Outcomes(UUID importId) {
            this.importId = importId;
        }

        void add(ImportedRow row) {
            rows.add(row);
        }

        int count(RowOutcome outcome) {
            return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
        }
    }

    /** What the contact pages would refuse in these details, said as they say it. */
    private Optional<String> problemOf(ContactDetails details) {
        Set<ConstraintViolation<ContactDetails>> violations = validator.validate(details);
        return violations.stream().findFirst().map(violation -> violation.getPropertyPath() + ": " + violation.getMessage());
    }
}
