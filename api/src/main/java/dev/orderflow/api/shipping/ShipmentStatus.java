package dev.orderflow.api.shipping;

/** Where a shipment stands: SCHEDULED by the fulfilment saga, then DISPATCHED, or CANCELLED before it left. */
public enum ShipmentStatus {
    SCHEDULED, DISPATCHED, CANCELLED
}
