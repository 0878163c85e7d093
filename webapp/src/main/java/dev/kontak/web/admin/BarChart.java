package dev.kontak.web.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out in Java for a server-rendered SVG: every bar's position and size in the SVG's own units, so
 * that the template only copies numbers into attributes (the CSP allows no inline style, and no script is needed).
 * Bars are scaled to the largest count; a bar of a count above zero is at least one unit tall, so it never vanishes.
 *
 * @param bars    in the order given
 * @param maximum the largest count, shown on the axis
 */
public record BarChart(int width, int height, List<Bar> bars, long maximum) {

    /** Where the bars stand; below it are the labels. */
    public static final int BASELINE = 150;
    static final int HEIGHT = 185;
    static final int TOP = 12;
    private static final int GAP = 2;
    /** Room left and right, so that the first and last labels are not cut off. */
    private static final int MARGIN = 16;

    /**
     * @param label shown under the bar where {@code labelled}
     * @param title what a screen reader says for the bar: label and count
     */
    public record Bar(String label, String title, long count, int x, int y, int width, int height, boolean labelled,
            int labelY) {

        public int labelX() {
            return x + width / 2;
        }
    }

    /** A count and what it is of. */
    public record Value(String label, String title, long count) {
    }

    /**
     * @param labelEvery show every n-th label (1: all); the others are only in the bars' titles
     */
    public static BarChart of(List<Value> values, int width, int labelEvery) {
        long maximum = values.stream().mapToLong(Value::count).max().orElse(0);
        int slot = values.isEmpty() ? width : width / values.size();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            int barHeight = maximum == 0 ? 0
                    : (int) Math.max(value.count() > 0 ? 1 : 0, Math.round((double) value.count() * (BASELINE - TOP) / maximum));
            // where every bar is labelled, every other label goes one line lower, so that long labels do not overlap
            int labelY = BASELINE + 14 + (labelEvery == 1 && i % 2 == 1 ? 13 : 0);
            bars.add(new Bar(value.label(), value.title(), value.count(), MARGIN + i * slot + GAP / 2, BASELINE - barHeight,
                    Math.max(1, slot - GAP), barHeight, i % labelEvery == 0, labelY));
        }
        return new BarChart(slot * Math.max(1, values.size()) + 2 * MARGIN, HEIGHT, bars, maximum);
    }

    public int baseline() {
        return BASELINE;
    }

    /** Few bars have room for their counts above them. */
    public boolean countsShown() {
        return bars.size() <= 12;
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }
}
