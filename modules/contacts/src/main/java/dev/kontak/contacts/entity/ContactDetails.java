package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person types about a contact. Everything but the name is optional. */
public record ContactDetails(
        @NotBlank(message = "Enter a name.")
        @Size(max = 200, message = "Use at most 200 characters.")
        @StorableText
        String name,

        @Email(message = "Enter a valid e-mail address.")
        @Size(max = 320, message = "Use at most 320 characters.")
        String email,

        @Pattern(regexp = "^$|^[+0-9 ()./-]{3,50}$", message = "Use digits, spaces and + ( ) . / - only (3 to 50).")
        String phone,

        @Size(max = 200, message = "Use at most 200 characters.")
        @StorableText
        String company,

        @Size(max = 10000, message = "Use at most 10,000 characters.")
        @StorableText
        String notes) {
}
