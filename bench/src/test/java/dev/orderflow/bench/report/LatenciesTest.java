package dev.orderflow.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatenciesTest {

    private static long[] millisAsNanos(long... millis) {
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = millis[i] * 1_000_000;
        }
        return nanos;
    }

    @Test
    void percentilesAreNearestRankOverEverySample() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }

        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(99);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(100);
        assertThat(Latencies.percentile(new long[]{7}, 50)).isEqualTo(7);
    }

    @Test
    void aSmallSampleTakesTheSampleAtOrAboveThePercentile() {
        assertThat(Latencies.percentile(new long[]{1, 2, 3}, 50)).isEqualTo(2);
        assertThat(Latencies.percentile(new long[]{1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(Latencies.percentile(new long[]{1, 2, 3, 4}, 99)).isEqualTo(4);
    }

    @Test
    void theSummaryIsInMillisecondsWhateverTheOrderOfTheSamples() {
        Latencies latencies = Latencies.ofNanos(millisAsNanos(30, 10, 20, 40));

        assertThat(latencies.count()).isEqualTo(4);
        assertThat(latencies.meanMs()).isCloseTo(25, within(1e-9));
        assertThat(latencies.p50Ms()).isEqualTo(20);
        assertThat(latencies.p99Ms()).isEqualTo(40);
        assertThat(latencies.maxMs()).isEqualTo(40);
    }

    @Test
    void noSamplesSummarizeToNotANumber() {
        assertThat(Latencies.ofNanos(new long[0]).p50Ms()).isNaN();
        assertThatThrownBy(() -> Latencies.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.percentile(new long[]{1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWindowMeanCoversItsStartButNotItsEnd() {
        long[] nanos = millisAsNanos(1, 2, 3, 10, 20);

        assertThat(Latencies.meanMs(nanos, 0, 2)).isCloseTo(1.5, within(1e-9));
        assertThat(Latencies.meanMs(nanos, 3, 5)).isCloseTo(15, within(1e-9));
        assertThatThrownBy(() -> Latencies.meanMs(nanos, 4, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
