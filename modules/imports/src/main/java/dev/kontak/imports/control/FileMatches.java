package dev.kontak.imports.control;

import dev.kontak.contacts.entity.ContactDetails;
import dev.kontak.contacts.entity.PhoneNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Duplicates inside one file: the first line that had each e-mail address (whatever its case) and each normalised
 * phone number. Kept by the run in memory, one entry per address and number, not per card.
 */
public final class FileMatches {

    private final Map<String, Integer> firstLine = new HashMap<>();

    /** The earlier line with one of this card's e-mails or phones, if any; the card's own are noted either way. */
    public Optional<Integer> earlierLine(int line, ContactDetails card) {
        List<String> keys = keys(card).toList();
        Optional<Integer> earlier = keys.stream().map(firstLine::get).filter(Objects::nonNull).findFirst();
        keys.forEach(key -> firstLine.putIfAbsent(key, line));
        return earlier;
    }

    static Stream<String> keys(ContactDetails card) {
        return Stream.concat(CardMerge.emailKeys(card).stream().map(email -> "e:" + email),
                e164s(card).stream().map(phone -> "p:" + phone));
    }

    static List<String> e164s(ContactDetails card) {
        return card.phones().stream().map(PhoneNumber::e164).filter(Objects::nonNull).toList();
    }
}
