package dev.kontak.metadata.entity;

import dev.kontak.kernel.columns.NullableUuidColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refused operation on a contact, for the audit: ids and the reason, no personal data. */
@Entity
@Table(name = "access_refusals")
public class AccessRefusal {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Convert(converter = NullableUuidColumn.class)
    @Column(name = "contact_id")
    private UUID contactId;

    @Column(nullable = false)
    private String operation;

    @Column(nullable = false)
    private String reason;

    @Column(name = "refused_at", nullable = false)
    private Instant refusedAt;

    protected AccessRefusal() {
    }

    public AccessRefusal(UUID userId, UUID contactId, String operation, String reason, Instant refusedAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.contactId = contactId;
        this.operation = operation;
        this.reason = reason;
        this.refusedAt = refusedAt;
    }
}
