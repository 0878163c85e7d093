package dev.kontak.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static BarChart.Value value(String label, long count) {
        return new BarChart.Value(label, label + ": " + count, count);
    }

    @Test
    void theLargestCountFillsTheHeightAndTheOthersAreToScale() {
        BarChart chart = BarChart.of(List.of(value("a", 100), value("b", 50), value("c", 0)), 300, 1);

        assertEquals(100, chart.maximum());
        List<BarChart.Bar> bars = chart.bars();
        assertEquals(BarChart.BASELINE - BarChart.TOP, bars.get(0).height());
        assertEquals(BarChart.TOP, bars.get(0).y());
        assertEquals(69, bars.get(1).height(), "half of 138, rounded");
        assertEquals(BarChart.BASELINE, bars.get(1).y() + bars.get(1).height(), "every bar stands on the baseline");
        assertEquals(0, bars.get(2).height());
        assertEquals(List.of(17, 117, 217), bars.stream().map(BarChart.Bar::x).toList(), "16 units of margin, then 100 per bar");
        assertEquals(98, bars.get(0).width());
        assertEquals("0 0 332 185", chart.viewBox());
        assertEquals(List.of(164, 177, 164), bars.stream().map(BarChart.Bar::labelY).toList(), "labels of every bar alternate lines");
    }

    @Test
    void aSmallCountBesideAHugeOneStaysVisible() {
        BarChart chart = BarChart.of(List.of(value("huge", 1_000_000), value("one", 1)), 200, 1);

        assertEquals(1, chart.bars().get(1).height());
    }

    @Test
    void nothingCountedDrawsNoBarsAndEveryNthLabelIsShown() {
        BarChart chart = BarChart.of(List.of(value("00", 0), value("01", 0), value("02", 0), value("03", 0)), 400, 2);

        assertTrue(chart.bars().stream().allMatch(bar -> bar.height() == 0));
        assertEquals(List.of(true, false, true, false), chart.bars().stream().map(BarChart.Bar::labelled).toList());
        assertTrue(chart.bars().stream().allMatch(bar -> bar.labelY() == 164), "sparse labels stay on one line");
        assertFalse(chart.bars().isEmpty());
    }
}
