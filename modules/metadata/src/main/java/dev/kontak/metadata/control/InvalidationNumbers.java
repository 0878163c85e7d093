package dev.kontak.metadata.control;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The numbers of the invalidation messages received from each node, to notice a lost one. Payara hands inbound
 * messages to a thread pool, so they may arrive out of order: a number skipped is only lost once it has not
 * arrived within {@link #GRACE_NANOS} of a later one. A node's first message is its start here, whatever its number
 * (what came before is covered by the copies this node dropped when that node joined).
 */
final class InvalidationNumbers {

    static final long GRACE_NANOS = 100_000_000L;

    /** More missing numbers than this from one node are taken as lost at once. */
    static final int MAX_MISSING = 1_000;

    private static final class Sender {
        long highest;
        final TreeMap<Long, Long> missingSince = new TreeMap<>();
    }

    private final Map<UUID, Sender> senders = new HashMap<>();

    /**
     * Records message {@code number} of {@code sender}, received at {@code now} (nanoseconds).
     *
     * @return how many messages are now known lost, from any sender (each counted once)
     */
    synchronized int received(UUID sender, long number, long now) {
        Sender from = senders.get(sender);
        if (from == null) {
            from = new Sender();
            from.highest = number;
            senders.put(sender, from);
        } else if (number > from.highest) {
            long skipped = number - from.highest - 1;
            if (skipped > MAX_MISSING) {
                from.missingSince.clear();
                from.highest = number;
                return (int) Math.min(Integer.MAX_VALUE, skipped + lost(now));
            }
            for (long missing = from.highest + 1; missing < number; missing++) {
                from.missingSince.put(missing, now);
            }
            from.highest = number;
        } else {
            from.missingSince.remove(number);
        }
        return lost(now);
    }

    /** How many numbers have been missing for longer than the grace, forgotten once counted. */
    synchronized int lost(long now) {
        int lost = 0;
        for (Sender from : senders.values()) {
            var missing = from.missingSince.values().iterator();
            while (missing.hasNext()) {
                if (now - missing.next() > GRACE_NANOS) {
                    missing.remove();
                    lost++;
                }
            }
        }
        return lost;
    }
}
