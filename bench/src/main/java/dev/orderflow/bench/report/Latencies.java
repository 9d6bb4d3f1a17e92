package dev.orderflow.bench.report;

import java.util.Arrays;

/**
 * Summary of measured durations, exact (nearest-rank percentiles over every sample, no binning).
 *
 * @param count  samples
 * @param meanMs mean, in milliseconds
 */
public record Latencies(int count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    private static final double NANOS_PER_MS = 1_000_000.0;

    public static Latencies ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Latencies(sorted.length, sum / sorted.length / NANOS_PER_MS,
                percentile(sorted, 50) / NANOS_PER_MS, percentile(sorted, 90) / NANOS_PER_MS,
                percentile(sorted, 99) / NANOS_PER_MS, sorted[sorted.length - 1] / NANOS_PER_MS);
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code percent}% of the samples at or below it. */
    public static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The mean of {@code nanos[from, to)} in milliseconds. */
    public static double meanMs(long[] nanos, int from, int to) {
        if (from < 0 || to > nanos.length || from >= to) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") is not within " + nanos.length + " samples");
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += nanos[i];
        }
        return sum / (to - from) / NANOS_PER_MS;
    }
}
