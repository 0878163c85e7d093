package dev.kontak.web.admin;

import dev.kontak.admin.boundary.MetadataHealthReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The health report as the page shows it: the report itself for the figures, and its three distributions laid
 * out as bar charts (staleness by age, refreshes and access denials per hour over the last 24 hours).
 */
public record HealthFigures(MetadataHealthReport report, BarChart ages, BarChart refreshes, BarChart denials) {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    public static HealthFigures of(MetadataHealthReport report) {
        List<BarChart.Value> ages = report.ageHistogram().stream()
                .map(bucket -> new BarChart.Value(bucket.label(), bucket.label() + ": " + bucket.count(), bucket.count()))
                .toList();
        return new HealthFigures(report, BarChart.of(ages, 300, 1), hourly(report.refreshesLast24h()),
                hourly(report.denialsLast24h()));
    }

    private static BarChart hourly(List<MetadataHealthReport.HourlyCount> counts) {
        return BarChart.of(counts.stream().map(hour -> new BarChart.Value(hour(hour.hour()),
                hour(hour.hour()) + " UTC: " + hour.count(), hour.count())).toList(), 300, 6);
    }

    private static String hour(Instant hour) {
        return HOUR.format(hour);
    }

    /** A share as a percentage with one decimal: "93.4 %". */
    public String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Milliseconds with one decimal. */
    public String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    public long metadataRows() {
        return report.freshRows() + report.staleRows();
    }
}
