package dev.kontak.contacts.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The contacts a user may edit that hold some e-mail addresses or phone numbers: an e-mail matches whatever its
 * case, a phone by its E.164 form.
 */
public record ContactMatches(Map<String, UUID> byEmail, Map<String, UUID> byE164) {

    public ContactMatches {
        byEmail = Map.copyOf(byEmail);
        byE164 = Map.copyOf(byE164);
    }

    /** The first contact that holds one of these e-mails, else one of these phones. */
    public Optional<UUID> of(List<String> emails, List<String> e164s) {
        return emails.stream().map(email -> byEmail.get(email.toLowerCase(Locale.ROOT))).filter(id -> id != null)
                .findFirst().or(() -> e164s.stream().map(byE164::get).filter(id -> id != null).findFirst());
    }
}
