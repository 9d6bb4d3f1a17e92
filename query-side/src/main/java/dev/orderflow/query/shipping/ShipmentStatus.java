package dev.orderflow.query.shipping;

/** Where a shipment stands: in the shipments read model, and on its order in the order history. */
public enum ShipmentStatus {
    SCHEDULED, DISPATCHED, CANCELLED
}
