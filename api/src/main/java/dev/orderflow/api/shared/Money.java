package dev.orderflow.api.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in the one currency Orderflow trades in, with exactly two decimal places.
 * Serialized as a plain JSON number ({@code 12.50}), in REST bodies and in stored events alike.
 */
public record Money(@JsonValue BigDecimal amount) implements Comparable<Money> {

    /** Large enough for any order, small enough that a typo of extra digits is caught at the edge. */
    public static final BigDecimal MAXIMUM = new BigDecimal("1000000000.00");
    // Declared after MAXIMUM: the constructor reads it.
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    @JsonCreator
    public Money {
        if (amount == null) {
            throw new IllegalArgumentException("must not be null");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most two decimal places");
        }
        if (amount.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException("must not exceed " + MAXIMUM.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    /** The difference, never below zero: used for what is left of a limit. */
    public Money minusOrZero(Money other) {
        BigDecimal difference = amount.subtract(other.amount);
        return difference.signum() < 0 ? ZERO : new Money(difference);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
