package dev.kontak.metadata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Validates a user's access to a contact against their metadata: is the contact in their contact_ids? */
@ApplicationScoped
public class ContactAccess {

    @Inject
    AccessList access;

    public AccessDecision validate(UUID user, UUID contact) {
        return contact != null && access.has(user, contact) ? AccessDecision.GRANTED : AccessDecision.DENIED;
    }
}
