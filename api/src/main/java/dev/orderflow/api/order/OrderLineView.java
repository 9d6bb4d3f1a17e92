package dev.orderflow.api.order;

import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;

import java.util.UUID;

/**
 * One line of an order in the order history.
 *
 * @param unitPrice     the price the stock was reserved at; until then the catalogue price when the order
 *                      was placed; null when neither is known
 * @param priceReserved whether {@code unitPrice} is the reserved (final) price rather than the catalogue's
 */
public record OrderLineView(UUID productId, String productName, Quantity quantity, Money unitPrice,
                            boolean priceReserved) {
}
