package dev.kontak.metadata.control;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.events.ContactAccessContradicted;
import dev.kontak.contacts.events.ContactAccessRequested;
import dev.kontak.contacts.events.ContactOperation;
import dev.kontak.contacts.events.ContactsAccessRequested;
import dev.kontak.kernel.UserId;
import dev.kontak.metadata.entity.CachedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
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
 * that says no is double-checked in the database, since a grant may have just committed, and without a copy the
 * access row is probed. Every other operation
 * writes, and writes never trust a copy: they are checked in the database, in their own transaction, holding
 * the access row until they commit. Either way the boundary then loads the contact only if the data grants it
 * too ({@link ContactAccessContradicted} otherwise), so no operation proceeds on metadata that disagrees with
 * the data about its contact; a refusal the data would have granted has the metadata repaired as well.
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
    AccessibleData data;

    @Inject
    MetadataCache cache;

    @Inject
    RepairQueue repairs;

    @Inject
    @Metric(name = MetadataMetrics.VALIDATION_TIME, absolute = true,
            description = "Validating an operation on a contact against the user's metadata, refresh included")
    Timer validation;

    @Inject
    @Metric(name = MetadataMetrics.DENIALS, tags = "reason=" + MetadataMetrics.ACCESS_DENIED, absolute = true,
            description = MetadataMetrics.DENIALS_DESCRIPTION)
    Counter denials;

    void check(@Observes ContactAccessRequested request) {
        Timer.Context timing = validation.time();
        try {
            decide(request);
        } finally {
            timing.stop();
        }
    }

    /**
     * A bulk action's check: the user's metadata refreshed if stale once, every contact's access rows held in one
     * statement (contact order), and each contact the metadata does not grant refused as {@link #check} refuses one.
     */
    void checkAll(@Observes ContactsAccessRequested request) {
        Timer.Context timing = validation.time();
        try {
            UserId user = request.user();
            metadata.of(user.value());
            Map<UUID, SortedSet<UUID>> holders = access.holdUsersWith(request.contactIds());
            for (UUID contact : request.contactIds()) {
                if (!holders.getOrDefault(contact, Collections.emptySortedSet()).contains(user.value())) {
                    refuseUnlessRepairable(user, contact, request.operation());
                    request.deny(contact);
                }
            }
        } finally {
            timing.stop();
        }
    }

    /**
     * The metadata allowed it, the data did not (the boundary refuses it after this): the refusal is recorded like
     * any other, this node's copy dropped, and a row that holds the contact while the data does not is repaired.
     */
    void contradicted(@Observes ContactAccessContradicted contradiction) {
        UserId user = contradiction.user();
        UUID contact = contradiction.contactId();
        LOG.warning(() -> "The metadata of user " + user + " allowed " + contradiction.operation() + " on contact "
                + contact + ", the data does not: refused");
        cache.peek(user.value()).ifPresent(copy -> cache.invalidate(user.value(), copy.cacheVersion() + 1));
        if (access.has(user, contact)) {
            repairs.schedule(user.value());
        }
        refuse(user, contact, contradiction.operation());
    }

    private void decide(ContactAccessRequested request) {
        UserId user = request.user();
        UUID contact = request.contactId();
        if (!allowed(user, contact, request.operation())) {
            refuseUnlessRepairable(user, contact, request.operation());
            throw new ContactAccessDenied(contact, request.operation());
        }
    }

    /** Records the refusal; where the data grants what the metadata refuses, the metadata is repaired too. */
    private void refuseUnlessRepairable(UserId user, UUID contact, ContactOperation operation) {
        if (contact != null && data.grants(user, contact)) {
            LOG.warning(() -> "The metadata of user " + user + " refuses contact " + contact
                    + ", which the data grants: refused, and the metadata repaired");
            repairs.schedule(user.value());
        }
        refuse(user, contact, operation);
    }

    /** Refreshes the user's metadata if it was stale, then asks it about the contact. */
    private boolean allowed(UserId user, UUID contact, ContactOperation operation) {
        if (operation == ContactOperation.VIEW) {
            Optional<CachedMetadata> copy = metadata.forViewing(user.value());
            return contact != null && (copy.filter(right -> right.canAccess(contact)).isPresent()
                    || access.has(user, contact));
        }
        metadata.of(user.value());
        return contact != null && access.hasAndHold(user, contact);
    }

    private void refuse(UserId user, UUID contact, ContactOperation operation) {
        denials.inc();
        refusals.record(user, contact, operation.name(), AccessDecision.DENIED.reason());
        LOG.info(() -> "Refused " + operation + " on contact " + contact + " for user " + user);
    }
}
