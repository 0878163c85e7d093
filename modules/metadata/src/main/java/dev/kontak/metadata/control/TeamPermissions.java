package dev.kontak.metadata.control;

import dev.kontak.auth.control.Accounts;
import dev.kontak.auth.entity.Role;
import dev.kontak.contacts.control.Memberships;
import dev.kontak.contacts.entity.TeamMember;
import dev.kontak.kernel.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * user_metadata.team_ids and permissions. Permissions are sorted strings: everyone has {@code contacts:create}
 * and {@code teams:create}; administrators {@code admin}; a member of team T {@code team:T:share}; its owner also
 * {@code team:T:manage}. The PostgreSQL function refresh_user_metadata computes the same.
 */
@ApplicationScoped
public class TeamPermissions {

    @Inject
    Memberships memberships;

    @Inject
    Accounts accounts;

    /** The teams a user belongs to and what they may do, both sorted. */
    public record Grants(List<String> teamIds, List<String> permissions) {
    }

    public Grants of(UUID user) {
        List<TeamMember> teams = memberships.of(UserId.of(user));
        TreeSet<String> permissions = new TreeSet<>(List.of("contacts:create", "teams:create"));
        if (accounts.find(user).map(account -> account.role() == Role.ADMIN).orElse(false)) {
            permissions.add("admin");
        }
        for (TeamMember member : teams) {
            permissions.add("team:" + member.teamId() + ":share");
            if (member.isOwner()) {
                permissions.add("team:" + member.teamId() + ":manage");
            }
        }
        List<String> teamIds = teams.stream().map(member -> member.teamId().toString()).sorted().toList();
        return new Grants(teamIds, List.copyOf(permissions));
    }
}
