package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Quantity;
import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record StockReleasedEvent(UUID productId, UUID orderId, Quantity quantity) {
}
