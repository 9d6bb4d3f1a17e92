package dev.orderflow.api.shipping;

import java.util.UUID;

/** The shipment of an order; answered with {@code Optional<ShipmentView>}, empty while none is scheduled. */
public record FindShipmentByOrderQuery(UUID orderId) {

    public FindShipmentByOrderQuery {
        if (orderId == null) {
            throw new IllegalArgumentException("orderId must not be null");
        }
    }
}
