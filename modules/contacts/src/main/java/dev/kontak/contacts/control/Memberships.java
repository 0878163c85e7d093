package dev.kontak.contacts.control;

import dev.kontak.contacts.entity.TeamMember;
import dev.kontak.kernel.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import dev.kontak.contacts.entity.Team;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who belongs to which team. */
@ApplicationScoped
public class Memberships {

    @PersistenceContext
    EntityManager em;

    public Optional<TeamMember> find(UUID team, UserId user) {
        return Optional.ofNullable(em.find(TeamMember.class, new TeamMember.Key(team, user.value())));
    }

    /**
     * Holds the team's row for the rest of the transaction. A change of a team's members and a change of what is
     * shared with the team each hold it before reading the other, so one waits for the other to commit and reads what
     * it did: without this, a member removed while a contact was being shared kept access to it, and one added while
     * a contact was taken back gained it (the soak benchmark found both). Callers hold teams before contacts' access
     * rows and metadata rows, and several teams in id order.
     */
    public void hold(UUID team) {
        em.find(Team.class, team, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<UUID> membersOf(UUID team) {
        return em.createQuery("SELECT m.userId FROM TeamMember m WHERE m.teamId = :team ORDER BY m.userId", UUID.class)
                .setParameter("team", team)
                .getResultList();
    }

    public List<TeamMember> of(UserId user) {
        return em.createQuery("SELECT m FROM TeamMember m WHERE m.userId = :user ORDER BY m.teamId", TeamMember.class)
                .setParameter("user", user.value())
                .getResultList();
    }
}
