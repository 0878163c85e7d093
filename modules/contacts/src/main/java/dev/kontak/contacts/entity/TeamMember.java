package dev.kontak.contacts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One person's place in a team. */
@Entity
@Table(name = "team_members")
@IdClass(TeamMember.Key.class)
public class TeamMember {

    /** Primary key: team and user. */
    public record Key(UUID teamId, UUID userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "team_id")
    private UUID teamId;

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TeamRole role;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    protected TeamMember() {
    }

    public TeamMember(UUID teamId, UUID userId, TeamRole role, Instant now) {
        this.teamId = teamId;
        this.userId = userId;
        this.role = role;
        this.joinedAt = now;
    }

    public UUID teamId() {
        return teamId;
    }

    public UUID userId() {
        return userId;
    }

    public TeamRole role() {
        return role;
    }

    public boolean isOwner() {
        return role == TeamRole.OWNER;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
