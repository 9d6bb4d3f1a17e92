package dev.orderflow.query;

import dev.orderflow.shared.error.InvalidRequestException;

/** Checks the {@code page} and {@code size} parameters of a paged GET, so a bad value is a 400 naming it. */
public final class Paging {

    private Paging() {
    }

    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must not be negative");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidRequestException("size", "must be between 1 and " + maxSize);
        }
    }

    public static int totalPages(long totalItems, int size) {
        return (int) ((totalItems + size - 1) / size);
    }
}
