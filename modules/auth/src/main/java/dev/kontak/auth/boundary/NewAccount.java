package dev.kontak.auth.boundary;

import dev.kontak.kernel.columns.StorableText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a person gives to sign up. */
public record NewAccount(
        @NotBlank(message = "Enter your e-mail address.")
        @Email(message = "Enter a valid e-mail address.")
        @Size(max = 320, message = "An e-mail address has at most 320 characters.")
        String email,

        @NotNull(message = "Choose a password.")
        @Size(min = 10, max = 200, message = "Use at least 10 and at most 200 characters.")
        String password,

        @NotBlank(message = "Enter your name.")
        @Size(max = 100, message = "Use at most 100 characters.")
        @StorableText
        String displayName) {

    @Override
    public String toString() {
        return "NewAccount[displayName=" + displayName + "]";
    }
}
