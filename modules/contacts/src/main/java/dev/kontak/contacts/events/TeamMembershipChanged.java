package dev.kontak.contacts.events;

import dev.kontak.kernel.UserId;
import java.util.UUID;

/** Someone joined or left a team, or their role in it changed: what they may access changes with it. */
public record TeamMembershipChanged(UUID teamId, UserId user) {
}
