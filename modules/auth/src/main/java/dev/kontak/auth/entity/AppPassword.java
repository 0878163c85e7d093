package dev.kontak.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A named secret an account gives one API or sync client, so that the client never holds the account password and
 * each can be revoked alone. Only the token's SHA-256 is kept ({@link AppToken#sha256()}); the token itself leaves
 * Kontak once, when it is created.
 */
@Entity
@Table(name = "app_passwords")
@NamedQuery(name = "AppPassword.withAccountByToken",
        query = "SELECT p, a FROM AppPassword p, Account a WHERE p.tokenSha256 = :sha256 AND a.id = p.accountId")
@NamedQuery(name = "AppPassword.ofAccount",
        query = "SELECT p FROM AppPassword p WHERE p.accountId = :account ORDER BY p.createdAt, p.id")
@NamedQuery(name = "AppPassword.revoke",
        query = "DELETE FROM AppPassword p WHERE p.id = :id AND p.accountId = :account")
@NamedQuery(name = "AppPassword.used", query = "UPDATE AppPassword p SET p.lastUsedAt = :now "
        + "WHERE p.id = :id AND (p.lastUsedAt IS NULL OR p.lastUsedAt < :before)")
public class AppPassword {

    /** As long as the app_passwords.name column. */
    public static final int MAX_NAME_LENGTH = 100;

    /** "Last used" is written at most this often per app password, not on every request. */
    public static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "token_sha256", nullable = false, updatable = false)
    private String tokenSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected AppPassword() {
    }

    public AppPassword(UUID accountId, String name, AppToken token, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId);
        this.name = name.strip();
        this.tokenSha256 = token.sha256();
        this.createdAt = now;
    }

    /** Whether a use now should be written down: never used yet, or last written more than a minute ago. */
    public boolean useIsWorthRecording(Instant now) {
        return lastUsedAt == null || lastUsedAt.isBefore(now.minus(USE_RECORDED_EVERY));
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }
}
