package dev.kontak.contacts.boundary;

import dev.kontak.contacts.entity.Team;
import dev.kontak.contacts.entity.TeamRole;
import java.util.List;
import java.util.UUID;

/** A team as one of its members sees it. */
public record TeamView(Team team, TeamRole yourRole, List<Member> members) {

    /** Someone in the team. */
    public record Member(UUID userId, String displayName, String email, TeamRole role) {
    }

    public boolean youOwnIt() {
        return yourRole == TeamRole.OWNER;
    }
}
