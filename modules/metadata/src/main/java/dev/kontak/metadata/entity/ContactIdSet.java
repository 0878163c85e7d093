package dev.kontak.metadata.entity;

import java.util.Collection;
import java.util.UUID;

/**
 * A user's contact_ids held in memory: two longs per id in one sorted array (16 bytes per contact, no object per
 * id), searched in O(log n). Immutable.
 */
public final class ContactIdSet {

    private final long[] bits;

    private ContactIdSet(long[] bits) {
        this.bits = bits;
    }

    public static ContactIdSet of(Collection<UUID> ids) {
        long[] bits = new long[ids.size() * 2];
        int i = 0;
        for (UUID id : ids.stream().sorted().toList()) {
            bits[i++] = id.getMostSignificantBits();
            bits[i++] = id.getLeastSignificantBits();
        }
        return new ContactIdSet(bits);
    }

    public boolean contains(UUID id) {
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(bits[2 * middle], bits[2 * middle + 1], most, least);
            if (order == 0) {
                return true;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return false;
    }

    public int size() {
        return bits.length / 2;
    }

    /** Bytes of memory the ids take (the array, its header included). */
    public long footprintBytes() {
        return 16L + 8L * bits.length;
    }

    /** Same order as {@link UUID#compareTo}: signed, most significant half first. */
    private static int compare(long most, long least, long otherMost, long otherLeast) {
        int order = Long.compare(most, otherMost);
        return order != 0 ? order : Long.compare(least, otherLeast);
    }
}
