package dev.orderflow.api.inventory;

/**
 * A page of the catalogue, by name; answered with a {@link ProductPage}.
 *
 * @param page the page, counted from 0
 * @param size products per page, 1 to {@link #MAX_PAGE_SIZE}
 */
public record FindProductsQuery(int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public FindProductsQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
