package dev.orderflow.api.order;

import dev.orderflow.api.shared.Quantity;

import java.util.UUID;

/** One line of an order: a product and how many of it. */
public record OrderLine(UUID productId, Quantity quantity) {

    public OrderLine {
        if (productId == null) {
            throw new IllegalArgumentException("productId must not be null");
        }
        if (quantity == null) {
            throw new IllegalArgumentException("quantity must not be null");
        }
    }
}
