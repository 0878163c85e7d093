package dev.kontak.contacts.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.kontak.contacts.entity.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Phone numbers read with libphonenumber: a number without a country code is read as one of
 * {@code kontak.phone.default-region} (ISO 3166 code, default {@code ID}), so that {@code 0812-3456-7890} and
 * {@code +62 812 3456 7890} are the same number, {@code +6281234567890}, shown as {@code +62 812-3456-7890}.
 */
@ApplicationScoped
public class PhoneNumbers {

    private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();

    @Inject
    @ConfigProperty(name = "kontak.phone.default-region", defaultValue = "ID")
    String defaultRegion;

    /** Each number with its E.164 form where it is a valid one; what was typed is kept either way. */
    public List<PhoneNumber> normalised(List<PhoneNumber> numbers) {
        return numbers.stream().map(number -> number.withE164(e164(number.number()).orElse(null))).toList();
    }

    public Optional<String> e164(String typed) {
        return parsed(typed).map(number -> LIBRARY.format(number, PhoneNumberFormat.E164));
    }

    /** How a page shows the number: internationally formatted where valid, else as typed. */
    public String formatted(PhoneNumber number) {
        return parsed(number.number()).map(valid -> LIBRARY.format(valid, PhoneNumberFormat.INTERNATIONAL))
                .orElse(number.number());
    }

    private Optional<Phonenumber.PhoneNumber> parsed(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = LIBRARY.parse(typed, defaultRegion);
            return LIBRARY.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
