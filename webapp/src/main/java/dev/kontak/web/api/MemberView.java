package dev.kontak.web.api;

import dev.kontak.contacts.entity.TeamMember;
import dev.kontak.contacts.entity.TeamRole;
import java.time.Instant;
import java.util.UUID;

/** Someone's place in a team, as API clients see it. */
public record MemberView(UUID teamId, UUID userId, TeamRole role, Instant joinedAt) {

    static MemberView of(TeamMember member) {
        return new MemberView(member.teamId(), member.userId(), member.role(), member.joinedAt());
    }
}
