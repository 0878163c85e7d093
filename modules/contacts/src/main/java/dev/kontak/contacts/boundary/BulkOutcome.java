package dev.kontak.contacts.boundary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What a change of many contacts did: the contacts done with their versions, and those left with the reason. */
public record BulkOutcome(Map<UUID, Long> done, Map<UUID, String> left) {

    public BulkOutcome {
        done = Collections.unmodifiableMap(new LinkedHashMap<>(done));
        left = Map.copyOf(left);
    }
}
