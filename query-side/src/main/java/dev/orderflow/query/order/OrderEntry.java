package dev.orderflow.query.order;

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

    /** The total is the lines' quantity times unit price, over the lines whose price is known. */
    void totalOf(List<OrderLineEntry> lines) {
        total = lines.stream()
                     .map(OrderLineEntry::amount)
                     .filter(Objects::nonNull)
                     .reduce(BigDecimal.ZERO, BigDecimal::add)
                     .setScale(2);
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
