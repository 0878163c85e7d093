package dev.kontak.web.api;

import dev.kontak.contacts.boundary.BulkOutcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a bulk action did: how many contacts it was done to, and those left with the reason, in id order. */
public record BulkResult(int done, List<Left> left) {

    /** A contact the action was not done to. */
    public record Left(UUID id, String reason) {
    }

    static BulkResult of(BulkOutcome outcome) {
        return new BulkResult(outcome.done().size(), outcome.left().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(left -> new Left(left.getKey(), left.getValue())).toList());
    }
}
