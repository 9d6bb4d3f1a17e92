package dev.orderflow.command.shipping;

enum ShipmentStatus {
    SCHEDULED, DISPATCHED, CANCELLED
}
