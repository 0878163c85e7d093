package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/** One of a contact's e-mail addresses (vCard EMAIL), with its label: home, work, other, or the user's own. */
@Embeddable
public class EmailAddress {

    @Size(max = Texts.LABEL_LENGTH, message = "Use at most 50 characters for a label.")
    @StorableText
    @Column(name = "label")
    private String label;

    @NotBlank(message = "Enter an e-mail address.")
    @Email(message = "Enter a valid e-mail address.")
    @Size(max = 320, message = "Use at most 320 characters.")
    @Column(name = "address", nullable = false)
    private String address;

    protected EmailAddress() {
    }

    public EmailAddress(String label, String address) {
        this.label = Texts.blankToNull(label);
        this.address = address == null ? null : address.strip();
    }

    public String label() {
        return label;
    }

    public String address() {
        return address;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && Objects.equals(label, that.label)
                && Objects.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, address);
    }

    @Override
    public String toString() {
        return (label == null ? "" : label + ": ") + address;
    }
}
