package dev.kontak.contacts.control;

import dev.kontak.contacts.entity.TeamMember;
import dev.kontak.kernel.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
