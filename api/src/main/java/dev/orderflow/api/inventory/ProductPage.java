package dev.orderflow.api.inventory;

import java.util.List;

/** One page of the catalogue with the totals a client needs to page through all of it. */
public record ProductPage(List<ProductView> items, int page, int size, long totalItems, int totalPages) {

    public ProductPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
