package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import org.axonframework.serialization.Revision;
import java.util.UUID;

/**
 * Stock set aside for an order line, at the unit price of the moment.
 */
@Revision("1")
public record StockReservedEvent(UUID productId, UUID orderId, Quantity quantity, Money unitPrice) {
}
