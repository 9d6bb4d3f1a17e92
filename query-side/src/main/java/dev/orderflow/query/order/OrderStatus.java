package dev.orderflow.query.order;

import dev.orderflow.shared.error.InvalidRequestException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an order stands in the order history. */
enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED;

    /** The status a client filters by, in any case; a 400 naming the parameter for anything else. */
    static OrderStatus parse(String parameter, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(parameter, "must be one of " + Arrays.stream(values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
