package dev.orderflow.api.order;

import java.util.UUID;

/** One order from the order history; answered with {@code Optional<OrderView>}, empty when the order is unknown. */
public record FindOrderQuery(UUID orderId) {

    public FindOrderQuery {
        if (orderId == null) {
            throw new IllegalArgumentException("orderId must not be null");
        }
    }
}
