package dev.kontak.web.api;

import dev.kontak.contacts.entity.Team;
import java.time.Instant;
import java.util.UUID;

/** A team as API clients see it. */
public record TeamSummary(UUID id, String name, UUID createdBy, Instant createdAt) {

    static TeamSummary of(Team team) {
        return new TeamSummary(team.id(), team.name(), team.createdBy(), team.createdAt());
    }
}
