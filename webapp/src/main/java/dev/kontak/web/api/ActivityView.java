package dev.kontak.web.api;

import dev.kontak.contacts.entity.Activity;
import dev.kontak.contacts.entity.ActivityType;
import java.time.Instant;
import java.util.UUID;

/** A call, e-mail, meeting or note on a contact's timeline, as API clients see it. */
public record ActivityView(UUID id, UUID contactId, UUID authorId, ActivityType type, Instant occurredAt,
        String summary) {

    static ActivityView of(Activity activity) {
        return new ActivityView(activity.id(), activity.contactId(), activity.authorId(), activity.type(),
                activity.occurredAt(), activity.summary());
    }
}
