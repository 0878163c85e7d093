package dev.kontak.contacts.entity;

import dev.kontak.kernel.columns.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What a person logs about a call, e-mail, meeting or note. */
public record ActivityDetails(
        @NotNull(message = "Choose a type.")
        ActivityType type,

        @NotNull(message = "Enter when it happened.")
        Instant occurredAt,

        @NotBlank(message = "Enter a summary.")
        @Size(max = 2000, message = "Use at most 2,000 characters.")
        @StorableText
        String summary) {
}
