package dev.kontak.contacts.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What merging contacts makes of their cards: each field from the card chosen for it, else the kept card's, else
 * the first merged card's that has one (nothing is lost by not choosing), and every e-mail, phone, postal and web
 * address and label of all of them.
 */
public final class MergedCard {

    /** The fields a merge takes from one card. */
    public enum Field {
        NAME(ContactDetails::name), NICKNAME(ContactDetails::nickname), ORGANIZATION(ContactDetails::organization),
        DEPARTMENT(ContactDetails::department), TITLE(ContactDetails::title), BIRTHDAY(ContactDetails::birthday),
        ANNIVERSARY(ContactDetails::anniversary), FAVOURITE(card -> card.favourite() ? true : null),
        NOTES(ContactDetails::notes), PHOTO(ContactDetails::photo);

        private final Function<ContactDetails, Object> value;

        Field(Function<ContactDetails, Object> value) {
            this.value = value;
        }

        /** This field's value in a card, null where it has none (FAVOURITE: true, or null). */
        public Object valueIn(ContactDetails card) {
            return value.apply(card);
        }

        /** As the API and the merge page name it: {@code organization}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static List<String> keys() {
            return Arrays.stream(values()).map(Field::key).toList();
        }

        public static Optional<Field> ofKey(String key) {
            return Arrays.stream(values()).filter(field -> field.key().equals(key)).findFirst();
        }
    }

    private MergedCard() {
    }

    /** @param chosen the card each field is taken from, where one was chosen */
    public static ContactDetails of(ContactDetails kept, List<ContactDetails> others, Map<Field, ContactDetails> chosen) {
        ContactDetails lists = kept;
        for (ContactDetails other : others) {
            lists = lists.withListsOf(other);
        }
        Function<Field, ContactDetails> from = field -> chosen.containsKey(field) ? chosen.get(field)
                : Stream.concat(Stream.of(kept), others.stream()).filter(card -> field.valueIn(card) != null)
                        .findFirst().orElse(kept);
        ContactDetails name = from.apply(Field.NAME);
        return new ContactDetails(name.name(), name.structuredName(), from.apply(Field.NICKNAME).nickname(),
                lists.emails(), lists.phones(), lists.addresses(), lists.urls(),
                from.apply(Field.ORGANIZATION).organization(), from.apply(Field.DEPARTMENT).department(),
                from.apply(Field.TITLE).title(), from.apply(Field.BIRTHDAY).birthday(),
                from.apply(Field.ANNIVERSARY).anniversary(), lists.labels(), from.apply(Field.FAVOURITE).favourite(),
                from.apply(Field.NOTES).notes(), from.apply(Field.PHOTO).photo(), kept.otherProperties());
    }
}
