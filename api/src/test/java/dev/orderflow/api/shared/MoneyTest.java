package dev.orderflow.api.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void zeroIsZeroWithTwoDecimalPlaces() {
        assertThat(Money.ZERO.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.ZERO).hasToString("0.00");
    }

    @Test
    void moneyOfTextKeepsTwoDecimalPlaces() {
        Money money = Money.of("12.5");

        assertThat(money.amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(money).hasToString("12.50");
    }

    @Test
    void amountsThatDifferOnlyInScaleAreEqual() {
        assertThat(Money.of("12.5")).isEqualTo(Money.of("12.50")).isEqualTo(Money.of("12.500"))
                .isEqualTo(new Money(new BigDecimal("12.5")));
        assertThat(Money.of("12.5")).hasSameHashCodeAs(Money.of("12.50"));
    }

    @Test
    void trailingZerosBeyondTwoDecimalPlacesAreAccepted() {
        assertThat(Money.of("7.1000").amount()).isEqualTo(new BigDecimal("7.10"));
    }

    @Test
    void anAmountInScientificNotationIsWrittenPlainly() {
        assertThat(Money.of("1E+3")).hasToString("1000.00");
    }

    @Test
    void theMaximumIsAccepted() {
        assertThat(Money.of("1000000000").amount()).isEqualTo(Money.MAXIMUM);
    }

    @Test
    void noAmountIsRejected() {
        assertThatThrownBy(() -> new Money(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not be null");
    }

    @Test
    void aNegativeAmountIsRejected() {
        assertThatThrownBy(() -> Money.of("-0.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not be negative");
    }

    @Test
    void anAmountWithMoreThanTwoDecimalPlacesIsRejected() {
        assertThatThrownBy(() -> Money.of("12.345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must have at most two decimal places");
    }

    @Test
    void anAmountAboveTheMaximumIsRejected() {
        assertThatThrownBy(() -> Money.of("1000000000.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not exceed 1000000000.00");
    }

    @Test
    void textThatIsNoNumberIsRejected() {
        assertThatThrownBy(() -> Money.of("twelve"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsAddUp() {
        assertThat(Money.of("12.5").plus(Money.of("0.75"))).isEqualTo(Money.of("13.25"));
    }

    @Test
    void aSumAboveTheMaximumIsRejected() {
        assertThatThrownBy(() -> Money.of("1000000000").plus(Money.of("0.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not exceed 1000000000.00");
    }

    @Test
    void minusOrZeroIsTheDifference() {
        assertThat(Money.of("100").minusOrZero(Money.of("60.25"))).isEqualTo(Money.of("39.75"));
    }

    @Test
    void minusOrZeroNeverGoesBelowZero() {
        assertThat(Money.of("50").minusOrZero(Money.of("80"))).isEqualTo(Money.ZERO);
    }

    @Test
    void timesMultipliesTheAmount() {
        assertThat(Money.of("4.50").times(3)).isEqualTo(Money.of("13.50"));
        assertThat(Money.of("4.50").times(0)).isEqualTo(Money.ZERO);
    }

    @Test
    void timesANegativeFactorIsRejected() {
        assertThatThrownBy(() -> Money.of("4.50").times(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must not be negative");
    }

    @Test
    void amountsCompareByValue() {
        assertThat(Money.of("10.01").isGreaterThan(Money.of("10"))).isTrue();
        assertThat(Money.of("10").isGreaterThan(Money.of("10.00"))).isFalse();
        assertThat(Money.of("9.99")).isLessThan(Money.of("10"));
        assertThat(Money.of("10")).isEqualByComparingTo(Money.of("10.00"));
    }
}
