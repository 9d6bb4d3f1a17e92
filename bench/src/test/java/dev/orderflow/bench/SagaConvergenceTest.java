package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SagaConvergenceTest {

    @Test
    void withOneInstanceEveryOrderIsPlacedAndReadThere() {
        for (int order = 0; order < 5; order++) {
            assertThat(SagaConvergence.placedOnInstance(order, 1)).isZero();
            assertThat(SagaConvergence.readFromInstance(order, 1)).isZero();
        }
    }

    @Test
    void withSeveralTheOrdersGoRoundRobinAndEachIsReadFromAnotherInstance() {
        int[] placed = new int[3];
        for (int order = 0; order < 9; order++) {
            int on = SagaConvergence.placedOnInstance(order, 3);
            placed[on]++;
            assertThat(SagaConvergence.readFromInstance(order, 3)).isNotEqualTo(on).isBetween(0, 2);
        }
        assertThat(placed).containsExactly(3, 3, 3);
    }

    @Test
    void theMedianGapIsTheNearestRankOneAndMayBeNegative() {
        assertThat(SagaConvergence.median(List.of(30L, 10L, 20L))).isEqualTo(20);
        assertThat(SagaConvergence.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2);
        assertThat(SagaConvergence.median(List.of(-3L, 5L, -1L))).isEqualTo(-1);
        assertThat(SagaConvergence.median(List.of(7L))).isEqualTo(7);
    }
}
