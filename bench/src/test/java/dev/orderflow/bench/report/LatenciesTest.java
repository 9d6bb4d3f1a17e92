package dev.orderflow.bench.report;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class LatenciesTest {

    private static final long MS = 1_000_000;

    private static Histogram millis(long... values) {
        Histogram histogram = Latencies.histogram();
        for (long value : values) {
            histogram.recordValue(value * MS);
        }
        return histogram;
    }

    private static long[] millisAsNanos(long... millis) {
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = millis[i] * MS;
        }
        return nanos;
    }

    @Test
    void percentilesAreNearestRankWithinAThousandth() {
        long[] oneToHundred = new long[100];
        for (int i = 0; i < 100; i++) {
            oneToHundred[i] = i + 1;
        }

        Latencies latencies = Latencies.of(millis(oneToHundred));

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Ms()).isCloseTo(50, withinPercentage(0.1));
        assertThat(latencies.p90Ms()).isCloseTo(90, withinPercentage(0.1));
        assertThat(latencies.p99Ms()).isCloseTo(99, withinPercentage(0.1));
        assertThat(latencies.maxMs()).isCloseTo(100, withinPercentage(0.1));
        assertThat(latencies.meanMs()).isCloseTo(50.5, withinPercentage(0.1));
    }

    @Test
    void aSmallSampleTakesTheSampleAtOrAboveThePercentile() {
        assertThat(Latencies.of(millis(1, 2, 3)).p50Ms()).isCloseTo(2, withinPercentage(0.1));
        assertThat(Latencies.of(millis(1, 2, 3, 4)).p50Ms()).isCloseTo(2, withinPercentage(0.1));
        assertThat(Latencies.of(millis(1, 2, 3, 4)).p99Ms()).isCloseTo(4, withinPercentage(0.1));
        assertThat(Latencies.of(millis(7)).p50Ms()).isCloseTo(7, withinPercentage(0.1));
    }

    @Test
    void aPercentileIsTheTopOfItsBucketSoNeverBelowTheSample() {
        Latencies latencies = Latencies.of(millis(30, 10, 20, 40));

        assertThat(latencies.p50Ms()).isBetween(20.0, 20.02);
        assertThat(latencies.maxMs()).isBetween(40.0, 40.04);
    }

    @Test
    void theSummaryIsInMillisecondsWhateverTheOrderOfTheSamples() {
        Latencies latencies = Latencies.of(millis(30, 10, 20, 40));

        assertThat(latencies.count()).isEqualTo(4);
        assertThat(latencies.meanMs()).isCloseTo(25, withinPercentage(0.1));
        assertThat(latencies.p50Ms()).isCloseTo(20, withinPercentage(0.1));
        assertThat(latencies.p99Ms()).isCloseTo(40, withinPercentage(0.1));
    }

    @Test
    void samplesFromManyThreadsAreAllCounted() throws InterruptedException {
        Histogram histogram = Latencies.histogram();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 1; i <= 10_000; i++) {
                    histogram.recordValue(i * 1_000L);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        Latencies latencies = Latencies.of(histogram);

        assertThat(latencies.count()).isEqualTo(40_000);
        assertThat(latencies.maxMs()).isCloseTo(10, withinPercentage(0.1));
    }

    @Test
    void aSecondLongLatencyIsKeptAsPreciselyAsAShortOne() {
        assertThat(Latencies.of(millis(1, 60_000)).maxMs()).isCloseTo(60_000, withinPercentage(0.1));
        assertThat(Latencies.of(millis(1, 60_000)).p50Ms()).isCloseTo(1, offset(0.001));
    }

    @Test
    void noSamplesSummarizeToNotANumber() {
        Latencies none = Latencies.of(Latencies.histogram());

        assertThat(none.count()).isZero();
        assertThat(none.p50Ms()).isNaN();
        assertThat(none.meanMs()).isNaN();
        assertThat(none.maxMs()).isNaN();
    }

    @Test
    void aWindowMeanCoversItsStartButNotItsEnd() {
        long[] nanos = millisAsNanos(1, 2, 3, 10, 20);

        assertThat(Latencies.meanMs(nanos, 0, 2)).isCloseTo(1.5, within(1e-9));
        assertThat(Latencies.meanMs(nanos, 3, 5)).isCloseTo(15, within(1e-9));
        assertThatThrownBy(() -> Latencies.meanMs(nanos, 4, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
