package dev.orderflow.bench.loop;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosedLoopTest {

    @Test
    void everyOperationRunsOnceAndIsTimed() {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        AtomicLongArray took = new AtomicLongArray(50);

        ClosedLoop.Result result = ClosedLoop.run("test-client", 4, 50, index -> {
            if (!ran.add(index)) {
                throw new IllegalStateException("ran twice: " + index);
            }
            Thread.sleep(1);
        }, took::set);

        assertThat(ran).hasSize(50);
        assertThat(result.operations()).isEqualTo(50);
        assertThat(result.failures()).isZero();
        assertThat(result.firstFailure()).isNull();
        for (int i = 0; i < 50; i++) {
            assertThat(took.get(i)).as("operation " + i).isGreaterThanOrEqualTo(1_000_000);
        }
        assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(50 / 4 * 1_000_000L);
        assertThat(result.perSecond()).isEqualTo(50 / (result.elapsedNanos() / 1e9));
    }

    @Test
    void asManyOperationsAreInFlightAsThereAreClients() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch allThree = new CountDownLatch(3);

        ClosedLoop.run("test-client", 3, 12, index -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allThree.countDown();
            // The first three wait for each other: they can only meet if three clients run at once.
            allThree.await(5, TimeUnit.SECONDS);
            inFlight.decrementAndGet();
        }, (index, nanos) -> {
        });

        assertThat(mostInFlight.get()).isEqualTo(3);
    }

    @Test
    void aFailedOperationIsCountedAndTheFirstFailureKeptWhileTheOthersGoOn() {
        AtomicInteger timed = new AtomicInteger();

        ClosedLoop.Result result = ClosedLoop.run("test-client", 1, 5, index -> {
            if (index % 2 == 1) {
                throw new IllegalArgumentException("odd " + index);
            }
        }, (index, nanos) -> timed.incrementAndGet());

        assertThat(result.failures()).isEqualTo(2);
        assertThat(result.firstFailure()).isEqualTo("java.lang.IllegalArgumentException: odd 1");
        assertThat(timed.get()).isEqualTo(5);
    }

    @Test
    void noClientsIsRefused() {
        assertThatThrownBy(() -> ClosedLoop.run("test-client", 0, 5, index -> {
        }, (index, nanos) -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one client");
    }
}
