package dev.kontak.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A person who signs in to Kontak. E-mail addresses are unique regardless of case: they are stored lower-cased. */
@Entity
@Table(name = "users")
@NamedQuery(name = "Account.byEmail", query = "SELECT a FROM Account a WHERE a.email = :email")
public class Account {

    /** As long as the users.email and sign_in_attempts.email columns. */
    public static final int MAX_EMAIL_LENGTH = 320;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(String email, String displayName, String passwordHash, Role role, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.email = normalizeEmail(email);
        this.displayName = Objects.requireNonNull(displayName).strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Whether the users and sign_in_attempts tables can hold it: no other address can belong to anyone. */
    public static boolean isStorableEmail(String email) {
        return email.length() <= MAX_EMAIL_LENGTH && email.indexOf('\0') < 0;
    }

    /** The form in which e-mail addresses are stored and compared. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
