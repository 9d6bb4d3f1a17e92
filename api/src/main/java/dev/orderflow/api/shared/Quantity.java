package dev.orderflow.api.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A number of units ordered, reserved or restocked: at least one, at most {@link #MAXIMUM}. */
public record Quantity(@JsonValue int value) {

    public static final int MAXIMUM = 1_000_000;

    @JsonCreator
    public Quantity {
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        if (value > MAXIMUM) {
            throw new IllegalArgumentException("must not exceed " + MAXIMUM);
        }
    }

    public static Quantity of(int value) {
        return new Quantity(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
