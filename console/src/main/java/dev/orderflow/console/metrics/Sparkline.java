package dev.orderflow.console.metrics;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A small line chart drawn by the page as an SVG polyline: no charting library, no script.
 *
 * @param points the polyline's points in a {@value #WIDTH} by {@value #HEIGHT} box, the highest value at the top
 * @param latest the newest value, null before the first sample
 * @param max    the highest value shown
 */
public record Sparkline(String label, String unit, String points, Double latest, double max) {

    public static final int WIDTH = 240;
    public static final int HEIGHT = 48;

    static Sparkline of(String label, String unit, List<Double> values) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double scale = max > 0 ? max : 1;
        int last = Math.max(1, values.size() - 1);
        String points = IntStream.range(0, values.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%.1f,%.1f", i * (double) WIDTH / last,
                        HEIGHT - values.get(i) / scale * (HEIGHT - 2) - 1))
                .collect(Collectors.joining(" "));
        return new Sparkline(label, unit, points, values.isEmpty() ? null : values.get(values.size() - 1), max);
    }

    /** The SVG box the points are drawn in. */
    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** The newest value as the chart's caption shows it, e.g. "12.5 /s" or "3.2 ms". */
    public String latestText() {
        return latest == null ? "measuring…" : String.format(Locale.ROOT, latest >= 100 ? "%.0f %s" : "%.1f %s", latest, unit);
    }

    public String maxText() {
        return String.format(Locale.ROOT, max >= 100 ? "%.0f %s" : "%.1f %s", max, unit);
    }
}
