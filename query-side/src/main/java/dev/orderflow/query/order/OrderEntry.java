package dev.orderflow.query.order;

import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.query.AggregateViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One order of the order history. {@code version} is the sequence number of the last order event applied:
 * an order event at or below it was applied before and is skipped, which makes redelivery harmless.
 */
@Entity
@Table(schema = "order_history", name = "order_history")
class OrderEntry extends AggregateViewRow<UUID> {

    @Id
    private UUID orderId;
    private UUID customerId;
    private String customerName;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private String rejectionReason;
    /** The order's latest shipment and where it stands, from the shipment's events; null until one is scheduled. */
    private UUID shipmentId;
    @Enumerated(EnumType.STRING)
    private ShipmentStatus shipment;
    private BigDecimal total;
    private Instant placedAt;
    private Instant updatedAt;

    protected OrderEntry() {
        // for JPA
    }

    OrderEntry(UUID orderId, UUID customerId, String customerName, Instant placedAt, long version) {
        super(version);
        this.orderId = orderId;
        this.customerId = customerId;
        this.customerName = customerName;
        this.status = OrderStatus.PENDING;
        this.total = BigDecimal.ZERO.setScale(2);
        this.placedAt = placedAt;
        this.updatedAt = placedAt;
    }

    void advanceTo(long sequenceNumber, Instant at) {
        advanceTo(sequenceNumber);
        touch(at);
    }

    void touch(Instant at) {
        if (at.isAfter(updatedAt)) {
            updatedAt = at;
        }
    }

    void confirm() {
        status = OrderStatus.CONFIRMED;
    }

    void reject(String reason) {
        status = OrderStatus.REJECTED;
        rejectionReason = reason;
    }

    void cancel() {
        status = OrderStatus.CANCELLED;
    }

    /** Whether a shipment scheduled for the order is new to it: a later one replaces an earlier. */
    boolean shipmentScheduled(UUID scheduled) {
        if (scheduled.equals(shipmentId)) {
            return false; // delivered again: the shipment may have moved on since
        }
        shipmentId = scheduled;
        shipment = ShipmentStatus.SCHEDULED;
        return true;
    }

    /** Whether the event of this shipment moved it; one of an earlier shipment of the order changes nothing. */
    boolean shipmentMoved(UUID ofShipment, ShipmentStatus status) {
        if (!ofShipment.equals(shipmentId) || shipment == status) {
            return false;
        }
        shipment = status;
        return true;
    }

    /** The total is the lines' quantity times unit price, over the lines whose price is known. */
    void totalOf(List<OrderLineEntry> lines) {
        total = lines.stream()
                     .map(OrderLineEntry::amount)
                     .filter(Objects::nonNull)
                     .reduce(BigDecimal.ZERO, BigDecimal::add)
                     .setScale(2);
    }

    /**
     * One line's amount changed from {@code before} to {@code after} (either null while its price is unknown):
     * the total moves by the difference, the same as summing the lines again without reading them.
     */
    void lineRepriced(BigDecimal before, BigDecimal after) {
        BigDecimal moved = total;
        if (before != null) {
            moved = moved.subtract(before);
        }
        if (after != null) {
            moved = moved.add(after);
        }
        total = moved.setScale(2);
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    UUID orderId() {
        return orderId;
    }

    UUID customerId() {
        return customerId;
    }

    String customerName() {
        return customerName;
    }

    OrderStatus status() {
        return status;
    }

    String rejectionReason() {
        return rejectionReason;
    }

    ShipmentStatus shipment() {
        return shipment;
    }

    BigDecimal total() {
        return total;
    }

    Instant placedAt() {
        return placedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

}
