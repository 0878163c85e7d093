package dev.kontak.metadata.control;

import dev.kontak.contacts.boundary.ContactAccessDenied;
import dev.kontak.contacts.events.ContactAccessRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every operation on a contact passes here first (the seed's Implementation Flow): 1. refresh the user's metadata
 * if it is older than {@code kontak.metadata.max-age}; 2. validate access to the contact; 3. let the operation go
 * on, or refuse it: record the refusal and throw, so that nothing is written.
 */
@ApplicationScoped
public class AccessGate {

    private static final Logger LOG = Logger.getLogger(AccessGate.class.getName());

    @Inject
    MetadataRows rows;

    @Inject
    MetadataRefresher refresher;

    @Inject
    ContactAccess access;

    @Inject
    AccessRefusals refusals;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kontak.metadata.max-age", defaultValue = "PT2M")
    Duration maxAge;

    void check(@Observes ContactAccessRequested request) {
        boolean stale = rows.lastUpdate(request.userId()).map(at -> at.plus(maxAge).isBefore(clock.instant()))
                .orElse(true);
        if (stale) {
            refresher.refreshIfStale(request.userId(), maxAge);
        }
        AccessDecision decision = access.validate(request.userId(), request.contactId());
        if (!decision.hasAccess()) {
            refusals.record(request.userId(), request.contactId(), request.operation().name(), decision.reason());
            LOG.fine(() -> "Refused " + request.operation() + " on contact " + request.contactId() + " for user "
                    + request.userId());
            throw new ContactAccessDenied(request.contactId(), request.operation());
        }
    }
}
