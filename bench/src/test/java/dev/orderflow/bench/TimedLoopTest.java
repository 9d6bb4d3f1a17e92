package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;

class TimedLoopTest {

    @Test
    void everyOperationsLatencyIsInTheHistogramAndInOrderWhenAsked() {
        AtomicLongArray inOrder = new AtomicLongArray(20);

        TimedLoop.Result result = TimedLoop.run("test", 2, 20, index -> Thread.sleep(index % 2 == 0 ? 1 : 5),
                inOrder::set);

        assertThat(result.latencyNanos().getTotalCount()).isEqualTo(20);
        assertThat(result.latencies().count()).isEqualTo(20);
        assertThat(result.latencies().p50Ms()).isGreaterThanOrEqualTo(1);
        assertThat(result.latencies().maxMs()).isGreaterThanOrEqualTo(5);
        assertThat(result.perSecond()).isEqualTo(20 / (result.elapsedNanos() / 1e9));
        for (int i = 0; i < 20; i++) {
            assertThat(inOrder.get(i)).as("operation " + i).isGreaterThanOrEqualTo((i % 2 == 0 ? 1 : 5) * 1_000_000L);
        }
    }

    @Test
    void failuresAreReportedNotThrown() {
        TimedLoop.Result result = TimedLoop.run("test", 1, 3, index -> {
            throw new IllegalStateException("refused");
        });

        assertThat(result.failures()).isEqualTo(3);
        assertThat(result.firstFailure()).contains("refused");
        assertThat(result.latencies().count()).isEqualTo(3);
    }
}
