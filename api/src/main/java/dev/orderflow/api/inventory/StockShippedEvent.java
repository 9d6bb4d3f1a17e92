package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Quantity;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Units reserved for an order left with its shipment: on hand and reserved both drop by the quantity. */
@Revision("1")
public record StockShippedEvent(UUID productId, UUID orderId, Quantity quantity) {
}
