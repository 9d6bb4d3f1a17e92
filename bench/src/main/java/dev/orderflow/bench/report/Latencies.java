package dev.orderflow.bench.report;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Summary of measured durations, read from an HdrHistogram of nanoseconds kept to {@value #SIGNIFICANT_DIGITS}
 * significant digits: every figure (the mean and the maximum too) is within 0.1 % of the exact one. A percentile
 * is nearest-rank: the smallest recorded value with at least that share of the samples at or below it, given as
 * the top of its histogram bucket.
 *
 * @param count  samples
 * @param meanMs mean, in milliseconds
 */
public record Latencies(int count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    /** 3 digits: a bucket spans at most 0.1 % of its values, finer than any difference the bench reports. */
    public static final int SIGNIFICANT_DIGITS = 3;
    private static final double NANOS_PER_MS = 1_000_000.0;

    /** An empty histogram of nanoseconds that client threads may record into at once; it grows to any value. */
    public static Histogram histogram() {
        return new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    }

    public static Latencies of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(Math.toIntExact(nanos.getTotalCount()), nanos.getMean() / NANOS_PER_MS,
                nanos.getValueAtPercentile(50) / NANOS_PER_MS, nanos.getValueAtPercentile(90) / NANOS_PER_MS,
                nanos.getValueAtPercentile(99) / NANOS_PER_MS, nanos.getMaxValue() / NANOS_PER_MS);
    }

    /**
     * The exact mean of {@code nanos[from, to)} in milliseconds: a window of a run in order (its first and last
     * commands), which a histogram does not keep.
     */
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
