package dev.orderflow.query.shipping;

import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.query.AssignedIdRow;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The shipment of an order: the latest one scheduled for it. {@code version} is the sequence number of the
 * last event of that shipment applied, so an event delivered again is skipped.
 */
@Entity
@Table(schema = "shipments", name = "order_shipment")
class OrderShipment extends AssignedIdRow<UUID> {

    @Id
    private UUID orderId;
    private UUID shipmentId;
    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;
    private Instant updatedAt;
    private long version;

    protected OrderShipment() {
        // for JPA
    }

    OrderShipment(UUID orderId, UUID shipmentId, Instant scheduledAt, long version) {
        this.orderId = orderId;
        this.shipmentId = shipmentId;
        this.status = ShipmentStatus.SCHEDULED;
        this.updatedAt = scheduledAt;
        this.version = version;
    }

    /** A new shipment scheduled for the order replaces the one shown (which was cancelled). */
    void rescheduleAs(UUID newShipmentId, Instant at, long sequenceNumber) {
        shipmentId = newShipmentId;
        status = ShipmentStatus.SCHEDULED;
        updatedAt = at;
        version = sequenceNumber;
    }

    /** Applies an event of the shown shipment once; events of an earlier shipment of the order change nothing. */
    boolean moveTo(UUID ofShipment, ShipmentStatus newStatus, Instant at, long sequenceNumber) {
        if (!shipmentId.equals(ofShipment) || sequenceNumber <= version) {
            return false;
        }
        status = newStatus;
        updatedAt = at;
        version = sequenceNumber;
        return true;
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    UUID orderId() {
        return orderId;
    }

    UUID shipmentId() {
        return shipmentId;
    }

    ShipmentStatus status() {
        return status;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
