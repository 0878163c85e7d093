package dev.kontak.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontak.admin.boundary.MetadataHealthReport.ErrorRate;
import dev.kontak.admin.boundary.MetadataHealthReport.HourlyCount;
import dev.kontak.admin.boundary.MetadataHealthReport.NodeCache;
import dev.kontak.admin.entity.MetadataCounts;
import dev.kontak.admin.entity.NodeMinute;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentCountsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T22:30:20Z");

    @Test
    void theLastHourIsTheSixtyMinutesUpToTheCurrentOneOnEveryNode() {
        RecentCounts counts = new RecentCounts(List.of(
                minute("a", "2026-11-26T21:30:00Z", counts(100, 100, 60, 1, 1, 1)), // 61 minutes ago: out
                minute("a", "2026-11-26T21:31:00Z", counts(1, 2, 30, 1, 2, 3)),
                minute("b", "2026-11-26T22:30:00Z", counts(3, 4, 90, 4, 5, 6))), NOW);

        assertEquals(2.0, counts.refreshesPerMinute());
        assertEquals(List.of(new ErrorRate("access-denied", 5), new ErrorRate("stale-form", 7),
                new ErrorRate("refresh-failed", 9)), counts.errorsLastHour());
    }

    @Test
    void cheapRefreshesAreCountedApartFromFullRecomputes() {
        RecentCounts counts = new RecentCounts(List.of(
                minute("a", "2026-11-26T21:30:00Z", refreshes(600, 600)), // 61 minutes ago: out of the last hour
                minute("a", "2026-11-26T22:00:00Z", refreshes(6, 120)),
                minute("b", "2026-11-26T22:30:00Z", refreshes(0, 60))), NOW);

        assertEquals(0.1, counts.refreshesPerMinute(), 1e-9);
        assertEquals(3.0, counts.cheapRefreshesPerMinute(), 1e-9);
        assertEquals(new HourlyCount(Instant.parse("2026-11-26T22:00:00Z"), 180), counts.cheapRefreshesPerHour().get(23));
        assertEquals(new HourlyCount(Instant.parse("2026-11-26T22:00:00Z"), 6), counts.refreshesPerHour().get(23));
        assertEquals(600, counts.cheapRefreshesPerHour().get(22).count());
    }

    @Test
    void eachNodeShowsItsLastHoursHitsAndItsLatestReport() {
        Instant early = Instant.parse("2026-11-26T22:20:05Z");
        Instant late = Instant.parse("2026-11-26T22:29:05Z");
        RecentCounts counts = new RecentCounts(List.of(
                new NodeMinute("a", Instant.parse("2026-11-26T21:00:00Z"), counts(1000, 1000, 0, 0, 0, 0), 1, early),
                new NodeMinute("a", Instant.parse("2026-11-26T22:20:00Z"), counts(5, 1, 0, 0, 0, 0), 7, early),
                new NodeMinute("a", Instant.parse("2026-11-26T22:29:00Z"), counts(3, 1, 0, 0, 0, 0), 9, late),
                new NodeMinute("gone", Instant.parse("2026-11-26T22:20:00Z"), counts(1, 1, 0, 0, 0, 0), 2, early)),
                NOW);

        List<NodeCache> nodes = counts.nodes(Instant.parse("2026-11-26T22:25:20Z"));

        assertEquals(List.of(new NodeCache("a", 8, 2, 9, late)), nodes);
        assertEquals(0.8, nodes.get(0).hitRate(), 1e-9);
    }

    @Test
    void twentyFourHoursOldestFirstEndingWithTheCurrentOne() {
        RecentCounts counts = new RecentCounts(List.of(
                minute("a", "2026-11-25T23:00:00Z", counts(0, 0, 1, 0, 2, 0)),
                minute("b", "2026-11-25T23:59:00Z", counts(0, 0, 10, 0, 20, 0)),
                minute("a", "2026-11-26T22:30:00Z", counts(0, 0, 100, 0, 300, 0)),
                minute("a", "2026-11-25T22:59:00Z", counts(0, 0, 1000, 0, 1000, 0))), NOW);

        List<HourlyCount> refreshes = counts.refreshesPerHour();
        List<HourlyCount> denials = counts.denialsPerHour();

        assertEquals(24, refreshes.size());
        assertEquals(new HourlyCount(Instant.parse("2026-11-25T23:00:00Z"), 11), refreshes.get(0));
        assertEquals(new HourlyCount(Instant.parse("2026-11-26T22:00:00Z"), 100), refreshes.get(23));
        assertEquals(new HourlyCount(Instant.parse("2026-11-25T23:00:00Z"), 22), denials.get(0));
        assertEquals(300, denials.get(23).count());
        assertEquals(111, refreshes.stream().mapToLong(HourlyCount::count).sum());
    }

    private static NodeMinute minute(String node, String minute, MetadataCounts counts) {
        return new NodeMinute(node, Instant.parse(minute), counts, 0, NOW);
    }

    private static MetadataCounts counts(long hits, long misses, long refreshes, long denials, long staleForms,
            long failures) {
        return new MetadataCounts(hits, misses, refreshes, 0, failures, denials, staleForms, 0, 0);
    }

    private static MetadataCounts refreshes(long full, long cheap) {
        return new MetadataCounts(0, 0, full, cheap, 0, 0, 0, 0, 0);
    }
}
