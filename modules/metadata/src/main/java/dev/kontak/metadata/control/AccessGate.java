package dev.kontak.metadata.control;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.events.ContactAccessRequested;
import dev.kontak.contacts.events.ContactOperation;
import dev.kontak.metadata.entity.CachedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Every operation on a contact passes here first (the seed's Implementation Flow): 1. refresh the user's metadata
 * if it is older than {@code kontak.metadata.max-age}; 2. validate access to the contact; 3. let the operation go
 * on, or refuse it: record the refusal and throw, so that nothing is written.
 *
 * <p>Viewing is checked against this node's copy of the metadata ({@link MetadataCache}: a map lookup); a copy
 * that says no is double-checked in the database, since a grant may have just committed. Every other operation
 * writes, and writes never trust a copy: they are checked in the database, in their own transaction, holding
 * the access row until they commit.
 */
@ApplicationScoped
public class AccessGate {

    private static final Logger LOG = Logger.getLogger(AccessGate.class.getName());

    @Inject
    FreshMetadata metadata;

    @Inject
    AccessList access;

    @Inject
    AccessRefusals refusals;

    @Inject
    @Metric(name = MetadataStatistics.VALIDATION_TIME, absolute = true,
            description = "Validating an operation on a contact against the user's metadata, refresh included")
    Timer validation;

    @Inject
    @Metric(name = MetadataStatistics.DENIALS, tags = "reason=" + MetadataStatistics.ACCESS_DENIED, absolute = true,
            description = MetadataStatistics.DENIALS_DESCRIPTION)
    Counter denials;

    void check(@Observes ContactAccessRequested request) {
        Timer.Context timing = validation.time();
        try {
            decide(request);
        } finally {
            timing.stop();
        }
    }

    private void decide(ContactAccessRequested request) {
        UUID user = request.userId();
        CachedMetadata copy = metadata.of(user);
        UUID contact = request.contactId();
        boolean allowed = contact != null && (request.operation() == ContactOperation.VIEW
                ? copy.canAccess(contact) || access.has(user, contact)
                : access.hasAndHold(user, contact));
        if (!allowed) {
            denials.inc();
            refusals.record(user, contact, request.operation().name(), AccessDecision.DENIED.reason());
            LOG.info(() -> "Refused " + request.operation() + " on contact " + contact + " for user " + user);
            throw new ContactAccessDenied(contact, request.operation());
        }
    }
}
