package dev.kontak.metadata.control;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * These users' metadata changed in the current transaction, to these cache_versions. Observe with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to invalidate copies only once the change is committed.
 */
public record MetadataChanged(Map<UUID, Long> versions) {

    public Set<UUID> userIds() {
        return versions.keySet();
    }
}
