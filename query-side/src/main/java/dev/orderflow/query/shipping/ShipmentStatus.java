package dev.orderflow.query.shipping;

enum ShipmentStatus {
    SCHEDULED, DISPATCHED, CANCELLED
}
