package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * One of a contact's phone numbers (vCard TEL) as it was typed, with its label (home, work, mobile, other, or the
 * user's own) and, where it is a valid number, its E.164 form ({@code +6281234567890}), which Kontak shows formatted
 * and compares. The typed form is kept: "ext. 12" or a number of a country the parser does not know is not lost.
 */
@Embeddable
public class PhoneNumber {

    @Size(max = Texts.LABEL_LENGTH, message = "Use at most 50 characters for a label.")
    @StorableText
    @Column(name = "label")
    private String label;

    @NotBlank(message = "Enter a phone number.")
    @Pattern(regexp = "^[+0-9 ()./-]{3,50}$|^[+0-9 ()./-]{3,40}(?:ext\\.?|x|#)\\s*[0-9]{1,8}$",
            message = "Use digits, spaces and + ( ) . / - only (3 to 50).")
    @Column(name = "number", nullable = false)
    private String number;

    @Column(name = "e164")
    private String e164;

    protected PhoneNumber() {
    }

    public PhoneNumber(String label, String number) {
        this(label, number, null);
    }

    public PhoneNumber(String label, String number, String e164) {
        this.label = Texts.blankToNull(label);
        this.number = number == null ? null : number.strip();
        this.e164 = e164;
    }

    /** The same number with its E.164 form (or none), as {@code PhoneNumbers} parsed it. */
    public PhoneNumber withE164(String e164) {
        return new PhoneNumber(label, number, e164);
    }

    /** What makes two numbers the same number: the E.164 form, else the digits (and +) typed. */
    public String key() {
        return e164 != null ? e164 : number.replaceAll("[^0-9+]", "");
    }

    public String label() {
        return label;
    }

    public String number() {
        return number;
    }

    /** Null where the number is not valid for its country (or, with no country code, for the default region). */
    public String e164() {
        return e164;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber that && Objects.equals(label, that.label)
                && Objects.equals(number, that.number) && Objects.equals(e164, that.e164);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, number, e164);
    }

    @Override
    public String toString() {
        return (label == null ? "" : label + ": ") + number;
    }
}
