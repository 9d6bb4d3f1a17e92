package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

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
}
