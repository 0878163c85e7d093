package dev.kontak.contacts.boundary;

import dev.kontak.auth.control.Accounts;
import dev.kontak.auth.entity.Account;
import dev.kontak.contacts.control.Memberships;
import dev.kontak.contacts.control.Sharing;
import dev.kontak.contacts.entity.Team;
import dev.kontak.contacts.entity.TeamMember;
import dev.kontak.contacts.entity.TeamRole;
import dev.kontak.contacts.events.TeamMembershipChanged;
import dev.kontak.kernel.UserId;
import dev.kontak.kernel.columns.StorableText;
import dev.kontak.kernel.rls.ActingUser;
import dev.kontak.kernel.rls.ActsForCaller;
import dev.kontak.kernel.transactions.RetriedOnDeadlock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Teams: whoever creates one owns it and adds or removes members; members may leave. Someone who leaves takes
 * back the contacts they had shared with the team. A team someone does not belong to is "not found" for them.
 */
@ApplicationScoped
@Transactional
@ActsForCaller
@RetriedOnDeadlock
public class Teams {

    private static final String NOT_FOUND = "Team not found.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Memberships memberships;

    @Inject
    Accounts accounts;

    @Inject
    Sharing sharing;

    @Inject
    Event<TeamMembershipChanged> membershipChanges;

    @Inject
    ActingUser caller;

    @Inject
    Clock clock;

    public Team create(@NotBlank(message = "Enter a team name.") @Size(max = 100, message = "Use at most 100 characters.")
            @StorableText String name) {
        UserId user = caller.id();
        Team team = new Team(name, user.value(), clock.instant());
        em.persist(team);
        em.flush();
        join(team.id(), user, TeamRole.OWNER);
        return team;
    }

    public TeamMember addMember(UUID teamId, @NotBlank(message = "Enter an e-mail address.") String email) {
        requireOwner(caller.id(), teamId);
        memberships.hold(teamId);
        Account account = accounts.findByEmail(email)
                .orElseThrow(() -> new TeamRefused("No account has this e-mail address."));
        if (memberships.find(teamId, UserId.of(account.id())).isPresent()) {
            throw new TeamRefused("This person is already a member of the team.");
        }
        return join(teamId, UserId.of(account.id()), TeamRole.MEMBER);
    }

    public void removeMember(UUID teamId, UserId memberId) {
        UserId owner = caller.id();
        requireOwner(owner, teamId);
        if (owner.equals(memberId)) {
            throw new TeamRefused("You own this team: you cannot remove yourself.");
        }
        memberships.hold(teamId);
        TeamMember member = memberships.find(teamId, memberId)
                .orElseThrow(() -> new TeamRefused("This person is not a member of the team."));
        part(member, owner);
    }

    public void leave(UUID teamId) {
        UserId user = caller.id();
        memberships.hold(teamId);
        TeamMember member = memberships.find(teamId, user).orElseThrow(() -> new TeamRefused(NOT_FOUND));
        if (member.isOwner()) {
            throw new TeamRefused("You own this team: owners cannot leave it.");
        }
        part(member, user);
    }

    public List<TeamView> teamsOf() {
        return memberships.of(caller.id()).stream().map(member -> view(member.teamId())).toList();
    }

    public TeamView view(UUID teamId) {
        TeamMember you = memberships.find(teamId, caller.id()).orElseThrow(() -> new TeamRefused(NOT_FOUND));
        List<TeamView.Member> members = em.createQuery("SELECT m, a FROM TeamMember m, Account a "
                        + "WHERE a.id = m.userId AND m.teamId = :team ORDER BY m.role DESC, a.displayName", Object[].class)
                .setParameter("team", teamId)
                .getResultStream()
                .map(row -> {
                    TeamMember m = (TeamMember) row[0];
                    Account a = (Account) row[1];
                    return new TeamView.Member(m.userId(), a.displayName(), a.email(), m.role());
                })
                .toList();
        return new TeamView(em.find(Team.class, teamId), you.role(), members);
    }

    private TeamMember join(UUID teamId, UserId user, TeamRole role) {
        TeamMember member = new TeamMember(teamId, user.value(), role, clock.instant());
        em.persist(member);
        membershipChanges.fire(new TeamMembershipChanged(teamId, user));
        return member;
    }

    private void part(TeamMember member, UserId actor) {
        sharing.unshareAllOf(UserId.of(member.userId()), member.teamId(), actor);
        em.remove(member);
        membershipChanges.fire(new TeamMembershipChanged(member.teamId(), UserId.of(member.userId())));
    }

    private void requireOwner(UserId user, UUID teamId) {
        TeamMember member = memberships.find(teamId, user).orElseThrow(() -> new TeamRefused(NOT_FOUND));
        if (!member.isOwner()) {
            throw new TeamRefused("Only the team's owner can change its members.");
        }
    }
}
