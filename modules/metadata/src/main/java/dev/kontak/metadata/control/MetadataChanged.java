package dev.kontak.metadata.control;

import java.util.Set;
import java.util.UUID;

/**
 * These users' metadata changed in the current transaction. Observe with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to invalidate copies only once the change is committed.
 */
public record MetadataChanged(Set<UUID> userIds) {
}
