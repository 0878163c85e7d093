package dev.kontak.web.contacts;

import dev.kontak.contacts.boundary.ContactBook;
import dev.kontak.contacts.boundary.ContactRefused;
import dev.kontak.contacts.boundary.DuplicateGroup;
import dev.kontak.contacts.boundary.Duplicates;
import dev.kontak.contacts.boundary.InvalidField;
import dev.kontak.contacts.boundary.MergeRequest;
import dev.kontak.contacts.control.PhoneNumbers;
import dev.kontak.contacts.entity.Contact;
import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.EmailAddress;
import dev.kontak.contacts.entity.MergedCard;
import dev.kontak.contacts.entity.Photo;
import dev.kontak.web.page.Pages;
import dev.kontak.web.page.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /contacts/duplicates}: the groups of probable duplicates, each with a link to {@code /contacts/merge?id=…},
 * which shows the contacts side by side: which one to keep, and for each field whose contacts differ, whose value
 * the merged contact takes (preset as the merge would choose by itself). Every e-mail, phone, address and label of
 * all of them is kept. A refused merge is shown on the same page, nothing written.
 */
@ApplicationScoped
public class DuplicatesPage {

    static final int GROUPS_SHOWN = 100;
    /** Contacts shown of a group, and offered to merge at once. */
    static final int CONTACTS_SHOWN = 20;

    @Inject
    Pages pages;

    @Inject
    Duplicates duplicates;

    @Inject
    ContactBook contacts;

    @Inject
    PhoneNumbers phoneNumbers;

    /** A group as the page shows it: its first contacts, and how many more it has. */
    public record ShownGroup(DuplicateGroup group, List<DuplicateGroup.Candidate> contacts, int more) {

        static ShownGroup of(DuplicateGroup group) {
            List<DuplicateGroup.Candidate> all = group.contacts();
            return new ShownGroup(group, all.subList(0, Math.min(all.size(), CONTACTS_SHOWN)),
                    Math.max(0, all.size() - CONTACTS_SHOWN));
        }

        public List<UUID> ids() {
            return contacts.stream().map(DuplicateGroup.Candidate::id).toList();
        }
    }

    /** A field's value in one contact's column, and whether the merge takes it. */
    public record Cell(UUID contactId, String text, boolean chosen) {
    }

    /** @param choice whether the contacts differ on this field, so that the user chooses */
    public record Row(String key, List<Cell> cells, boolean choice) {
    }

    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<DuplicateGroup> groups = duplicates.find();
        pages.render(request, response, 200, "duplicates",
                Map.of("groups", groups.stream().limit(GROUPS_SHOWN).map(ShownGroup::of).toList(), "total", groups.size()));
    }

    void compare(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<List<UUID>> ids = idsOf(request);
        if (ids.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        show(request, response, 200, ids.get(), ids.get().get(0), Map.of(), null);
    }

    void merge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<List<UUID>> ids = idsOf(request);
        Optional<UUID> keep = Parameters.uuid(Parameters.text(request, "keep"));
        if (ids.isEmpty() || keep.isEmpty() || !ids.get().contains(keep.get())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Map<MergedCard.Field, UUID> fields = new EnumMap<>(MergedCard.Field.class);
        for (MergedCard.Field field : MergedCard.Field.values()) {
            Parameters.uuid(Parameters.text(request, "field." + field.key())).ifPresent(id -> fields.put(field, id));
        }
        SortedSet<UUID> merged = new TreeSet<>(ids.get());
        merged.remove(keep.get());
        try {
            contacts.merge(new MergeRequest(keep.get(), merged, fields));
        } catch (InvalidField | ContactRefused refused) {
            show(request, response, refused instanceof ContactRefused ? 403 : 400, ids.get(), keep.get(), fields,
                    refused.getMessage());
            return;
        } catch (ConstraintViolationException invalid) {
            show(request, response, 400, ids.get(), keep.get(), fields,
                    invalid.getConstraintViolations().iterator().next().getMessage());
            return;
        }
        Pages.redirect(request, response, "/contacts/" + keep.get());
    }

    /** The ids of {@code id=…&id=…}: 2 to 51 of them, each well formed, none twice. */
    private static Optional<List<UUID>> idsOf(HttpServletRequest request) {
        String[] values = request.getParameterValues("id");
        if (values == null || values.length < 2 || values.length > ContactDetails.MAX_EACH + 1) {
            return Optional.empty();
        }
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            Optional<UUID> id = Parameters.uuid(value);
            if (id.isEmpty() || ids.contains(id.get())) {
                return Optional.empty();
            }
            ids.add(id.get());
        }
        return Optional.of(ids);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, List<UUID> ids, UUID keep,
            Map<MergedCard.Field, UUID> chosen, String alert) throws IOException {
        List<Contact> cards = ids.stream().map(contacts::view).toList();
        Map<String, Object> page = new HashMap<>();
        page.put("cards", cards);
        page.put("keep", keep);
        page.put("rows", rows(cards, keep, chosen));
        page.put("lists", lists(cards));
        if (alert != null) {
            page.put("alert", alert);
        }
        pages.render(request, response, status, "merge", page);
    }

    /** A row per field; the cell taken is the one chosen, else the one the merge takes by itself. */
    private List<Row> rows(List<Contact> cards, UUID keep, Map<MergedCard.Field, UUID> chosen) {
        List<Contact> keptFirst = new ArrayList<>(cards);
        keptFirst.sort((a, b) -> Boolean.compare(!a.id().equals(keep), !b.id().equals(keep)));
        List<Row> rows = new ArrayList<>();
        for (MergedCard.Field field : MergedCard.Field.values()) {
            Function<Contact, String> text = contact -> textOf(field, contact.details());
            UUID taken = chosen.getOrDefault(field, keptFirst.stream().filter(contact -> text.apply(contact) != null)
                    .map(Contact::id).findFirst().orElse(null));
            List<Cell> cells = cards.stream()
                    .map(contact -> new Cell(contact.id(), text.apply(contact), contact.id().equals(taken))).toList();
            long distinct = cells.stream().map(Cell::text).filter(Objects::nonNull).distinct().count();
            if (distinct > 0) {
                rows.add(new Row(field.key(), cells, distinct > 1));
            }
        }
        return rows;
    }

    /**
     * A field's value as the merge page shows it: favourite as a star, dates as vCard writes them, a photo by its tag
     * (the page shows the picture).
     */
    private static String textOf(MergedCard.Field field, ContactDetails card) {
        Object value = field.valueIn(card);
        if (value instanceof Photo photo) {
            return photo.tag();
        }
        return value == null ? null : field == MergedCard.Field.FAVOURITE ? "★" : value.toString();
    }

    /** Per contact, its e-mails, phones, addresses and labels (all of them are kept), where any contact has one. */
    private Map<String, List<List<String>>> lists(List<Contact> cards) {
        Map<String, List<List<String>>> lists = new LinkedHashMap<>();
        lists.put("contactEmail", each(cards, card -> card.emails().stream().map(EmailAddress::address).toList()));
        lists.put("phone", each(cards, card -> card.phones().stream().map(phoneNumbers::formatted).toList()));
        lists.put("address", each(cards, card -> card.addresses().stream()
                .map(address -> String.join(", ", ContactCard.Address.of(address).lines())).toList()));
        lists.put("labels", each(cards, card -> List.copyOf(card.labels())));
        lists.values().removeIf(values -> values.stream().allMatch(List::isEmpty));
        return lists;
    }

    private static List<List<String>> each(List<Contact> cards, Function<ContactDetails, List<String>> values) {
        return cards.stream().map(contact -> values.apply(contact.details())).collect(Collectors.toList());
    }
}
