package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Money;

import java.util.UUID;

/**
 * A product of the catalogue.
 *
 * @param stock    units on hand that are not reserved: what can still be ordered
 * @param reserved units on hand reserved for orders
 * @param onHand   all units on hand: {@code stock + reserved}
 * @param version  the product aggregate's version this view reflects (its ETag on the command side)
 */
public record ProductView(UUID productId, String name, Money price, int stock, int reserved, int onHand,
                          long version) {
}
