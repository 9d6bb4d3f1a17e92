package dev.orderflow.saga.fulfilment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The payment and the shipment of an order get ids derived from the order's id: a saga step that is
 * retried sends the very same create command again, which the aggregate then refuses as a duplicate
 * instead of a second payment or shipment coming into being.
 */
final class FulfilmentIds {

    private FulfilmentIds() {
    }

    static UUID paymentFor(UUID orderId) {
        return UUID.nameUUIDFromBytes(("payment:" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID shipmentFor(UUID orderId) {
        return UUID.nameUUIDFromBytes(("shipment:" + orderId).getBytes(StandardCharsets.UTF_8));
    }
}
