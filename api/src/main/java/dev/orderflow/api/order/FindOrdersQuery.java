package dev.orderflow.api.order;

import java.util.UUID;

/**
 * A page of the order history, newest first; answered with an {@link OrderPage}.
 *
 * @param customerId only this customer's orders; null for every customer's
 * @param status     only orders in this status; null for any status
 * @param page       the page, counted from 0
 * @param size       orders per page, 1 to {@link #MAX_PAGE_SIZE}
 */
public record FindOrdersQuery(UUID customerId, OrderStatus status, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindOrdersQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
