package dev.kontak.admin.boundary;

import dev.kontak.admin.boundary.MetadataHealthReport.ErrorRate;
import dev.kontak.admin.boundary.MetadataHealthReport.HourlyCount;
import dev.kontak.admin.boundary.MetadataHealthReport.NodeCache;
import dev.kontak.admin.entity.MetadataCounts;
import dev.kontak.admin.entity.NodeMinute;
import dev.kontak.metadata.control.MetadataMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Every node's counts per minute added up: over the last hour (the 60 minutes up to and including the current
 * one) and per hour over the last 24 (the current hour last).
 */
final class RecentCounts {

    static final int HOURS = 24;

    private final List<NodeMinute> rows;
    private final Instant hourAgo;
    private final Instant firstHour;

    RecentCounts(List<NodeMinute> rows, Instant now) {
        this.rows = rows;
        this.hourAgo = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(59));
        this.firstHour = firstHour(now);
    }

    /** The first minute whose rows are needed. */
    static Instant firstHour(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
    }

    /** Per node that reported at or after {@code since}: cache hits and misses of the last hour, its latest report. */
    List<NodeCache> nodes(Instant since) {
        Map<String, NodeCache> nodes = new LinkedHashMap<>();
        for (NodeMinute row : rows) {
            boolean lastHour = !row.minute().isBefore(hourAgo);
            long hits = lastHour ? row.counts().cacheHits() : 0;
            long misses = lastHour ? row.counts().cacheMisses() : 0;
            nodes.merge(row.node(), new NodeCache(row.node(), hits, misses, row.cachedUsers(), row.reportedAt()),
                    (a, b) -> {
                        NodeCache latest = a.reportedAt().isAfter(b.reportedAt()) ? a : b;
                        return new NodeCache(a.node(), a.hits() + b.hits(), a.misses() + b.misses(),
                                latest.cachedUsers(), latest.reportedAt());
                    });
        }
        return nodes.values().stream().filter(node -> !node.reportedAt().isBefore(since))
                .sorted(Comparator.comparing(NodeCache::node)).toList();
    }

    /** Full recomputes per minute over the last hour. */
    double refreshesPerMinute() {
        return lastHour(MetadataCounts::refreshes) / 60.0;
    }

    /** Refreshes of stale rows that needed no full recompute, per minute over the last hour. */
    double cheapRefreshesPerMinute() {
        return lastHour(MetadataCounts::cheapRefreshes) / 60.0;
    }

    /** Always the three kinds, in this order. */
    List<ErrorRate> errorsLastHour() {
        return List.of(new ErrorRate(MetadataMetrics.ACCESS_DENIED, lastHour(MetadataCounts::accessDenials)),
                new ErrorRate(MetadataMetrics.STALE_FORM, lastHour(MetadataCounts::staleForms)),
                new ErrorRate("refresh-failed", lastHour(MetadataCounts::refreshFailures)));
    }

    List<HourlyCount> refreshesPerHour() {
        return perHour(MetadataCounts::refreshes);
    }

    List<HourlyCount> cheapRefreshesPerHour() {
        return perHour(MetadataCounts::cheapRefreshes);
    }

    /** Refused operations of both kinds: access denied and stale form. */
    List<HourlyCount> denialsPerHour() {
        return perHour(counts -> counts.accessDenials() + counts.staleForms());
    }

    private long lastHour(ToLongFunction<MetadataCounts> what) {
        return rows.stream().filter(row -> !row.minute().isBefore(hourAgo))
                .mapToLong(row -> what.applyAsLong(row.counts())).sum();
    }

    private List<HourlyCount> perHour(ToLongFunction<MetadataCounts> what) {
        long[] counts = new long[HOURS];
        for (NodeMinute row : rows) {
            long hour = ChronoUnit.HOURS.between(firstHour, row.minute());
            if (!row.minute().isBefore(firstHour) && hour < HOURS) {
                counts[(int) hour] += what.applyAsLong(row.counts());
            }
        }
        List<HourlyCount> hours = new ArrayList<>(HOURS);
        for (int i = 0; i < HOURS; i++) {
            hours.add(new HourlyCount(firstHour.plus(Duration.ofHours(i)), counts[i]));
        }
        return hours;
    }
}
