package dev.kontak.metadata.control;

import java.util.Set;
import java.util.UUID;

/**
 * Another node committed changes to these users' metadata; this node's copies are already dropped. Fired outside
 * any transaction, for local listeners such as open pages; never sent on to the cluster again.
 */
public record MetadataChangedElsewhere(Set<UUID> userIds) {
}
