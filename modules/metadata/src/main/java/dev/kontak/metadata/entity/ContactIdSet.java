package dev.kontak.metadata.entity;

import java.util.Collection;
import java.util.UUID;

/**
 * A user's contact_ids held in memory: an open-addressing hash table of two longs per slot, at most half full
 * (32 to 64 bytes per contact, no object per id), so a lookup is a hash and one or two probes, like a hash map's but
 * without its per-entry objects. Immutable.
 */
public final class ContactIdSet {

    private final long[] slots;
    private final int mask;
    private final int size;
    private final boolean containsNil;

    private ContactIdSet(long[] slots, int size, boolean containsNil) {
        this.slots = slots;
        this.mask = slots.length / 2 - 1;
        this.size = size;
        this.containsNil = containsNil;
    }

    public static ContactIdSet of(Collection<UUID> ids) {
        int capacity = capacityFor(ids.size());
        long[] slots = new long[capacity * 2];
        int mask = capacity - 1;
        int size = 0;
        boolean containsNil = false;
        for (UUID id : ids) {
            long most = id.getMostSignificantBits();
            long least = id.getLeastSignificantBits();
            if (most == 0 && least == 0) {
                size += containsNil ? 0 : 1;
                containsNil = true;
                continue;
            }
            int slot = indexOf(slots, mask, most, least);
            if (slots[2 * slot] == 0 && slots[2 * slot + 1] == 0) {
                slots[2 * slot] = most;
                slots[2 * slot + 1] = least;
                size++;
            }
        }
        return new ContactIdSet(slots, size, containsNil);
    }

    public boolean contains(UUID id) {
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        if (most == 0 && least == 0) {
            return containsNil;
        }
        int slot = indexOf(slots, mask, most, least);
        return slots[2 * slot] != 0 || slots[2 * slot + 1] != 0;
    }

    public int size() {
        return size;
    }

    /** The heap this set takes: its table of longs (16-byte array header) and the set itself. */
    public long bytes() {
        return 16L + 8L * slots.length + 32L;
    }

    /** What {@link #bytes} will be for a set of this many ids, known before reading them. */
    public static long bytesFor(int ids) {
        return 16L + 16L * capacityFor(ids) + 32L;
    }

    private static int capacityFor(int ids) {
        return Integer.highestOneBit(Math.max(2, ids * 2 - 1)) << 1;
    }

    /** The slot holding the id, or the empty slot where it would go (linear probing; (0, 0) marks empty). */
    private static int indexOf(long[] slots, int mask, long most, long least) {
        int slot = spread(most ^ least) & mask;
        while (true) {
            long slotMost = slots[2 * slot];
            long slotLeast = slots[2 * slot + 1];
            if (slotMost == most && slotLeast == least || slotMost == 0 && slotLeast == 0) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int spread(long bits) {
        long mixed = bits * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }
}
