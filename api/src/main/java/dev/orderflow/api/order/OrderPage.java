package dev.orderflow.api.order;

import java.util.List;

/** One page of the order history with the totals a client needs to page through all of it. */
public record OrderPage(List<OrderView> items, int page, int size, long totalItems, int totalPages) {

    public OrderPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
