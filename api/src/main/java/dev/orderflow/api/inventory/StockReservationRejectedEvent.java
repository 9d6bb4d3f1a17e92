package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Quantity;
import org.axonframework.serialization.Revision;
import java.util.UUID;

/**
 * An order line could not be reserved: too little stock available.
 */
@Revision("1")
public record StockReservationRejectedEvent(UUID productId, UUID orderId, Quantity requested, int available) {
}
