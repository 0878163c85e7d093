package dev.kontak.admin.boundary;

import dev.kontak.admin.entity.CheckOutcome;
import java.time.Instant;
import java.util.UUID;

/**
 * One user in the administrators' table. The metadata columns are null where the user has no metadata row; the
 * check columns are null where no administrator has checked or refreshed them yet.
 *
 * @param ageSeconds seconds since the row last changed, when the table was read
 */
public record UserMetadataLine(UUID userId, String email, Instant updatedAt, Long ageSeconds, Long cacheVersion,
        Integer contactCount, Integer activityCount, CheckOutcome checkOutcome, Instant checkedAt,
        Instant refreshedAt) {

    public boolean missing() {
        return updatedAt == null;
    }
}
