package dev.orderflow.api.inventory;

import java.util.UUID;

/** One product of the catalogue; answered with {@code Optional<ProductView>}, empty when the product is unknown. */
public record FindProductQuery(UUID productId) {

    public FindProductQuery {
        if (productId == null) {
            throw new IllegalArgumentException("productId must not be null");
        }
    }
}
