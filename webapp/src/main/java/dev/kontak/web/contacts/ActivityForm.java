package dev.kontak.web.contacts;

import dev.kontak.contacts.entity.ActivityDetails;
import dev.kontak.contacts.entity.ActivityType;
import dev.kontak.web.page.Parameters;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;

/** The log-activity form as typed, kept as text so that a rejected form shows exactly what was sent. */
public record ActivityForm(String type, String occurredAt, String summary) {

    static ActivityForm blank(Instant now) {
        return new ActivityForm(ActivityType.CALL.name(), UtcTime.PAGES.input(now), "");
    }

    static ActivityForm read(HttpServletRequest request) {
        return new ActivityForm(Parameters.text(request, "type"), Parameters.text(request, "occurredAt"),
                Parameters.text(request, "summary"));
    }

    /** What the form says; an unknown type or unreadable time is left null for Bean Validation to name. */
    ActivityDetails details() {
        ActivityType known = Arrays.stream(ActivityType.values()).filter(t -> t.name().equals(type)).findFirst()
                .orElse(null);
        return new ActivityDetails(known, UtcTime.parse(occurredAt).orElse(null), summary);
    }
}
