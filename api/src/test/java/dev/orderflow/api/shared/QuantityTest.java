package dev.orderflow.api.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityTest {

    @Test
    void oneIsTheSmallestQuantity() {
        assertThat(Quantity.of(1).value()).isEqualTo(1);
    }

    @Test
    void theMaximumIsAccepted() {
        assertThat(Quantity.of(Quantity.MAXIMUM).value()).isEqualTo(1_000_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void lessThanOneIsRejected(int value) {
        assertThatThrownBy(() -> Quantity.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be at least 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {Quantity.MAXIMUM + 1, Integer.MAX_VALUE})
    void moreThanTheMaximumIsRejected(int value) {
        assertThatThrownBy(() -> new Quantity(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not exceed 1000000");
    }

    @Test
    void quantitiesOfTheSameValueAreEqual() {
        assertThat(Quantity.of(7)).isEqualTo(new Quantity(7)).hasSameHashCodeAs(new Quantity(7));
    }

    @Test
    void aQuantityIsWrittenAsItsNumber() {
        assertThat(Quantity.of(7)).hasToString("7");
    }
}
