package dev.orderflow.query.payment;

import dev.orderflow.api.payment.PaymentStatus;
import dev.orderflow.query.AssignedIdRow;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment and where it stands; {@code version} (its last sequence number applied) skips redelivered events. */
@Entity
@Table(schema = "payments", name = "order_payment")
class OrderPayment extends AssignedIdRow<UUID> {

    @Id
    private UUID paymentId;
    private UUID orderId;
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private BigDecimal amount;
    private String reason;
    private Instant requestedAt;
    private Instant updatedAt;
    private long version;

    protected OrderPayment() {
        // for JPA
    }

    OrderPayment(UUID paymentId, UUID orderId, UUID customerId, BigDecimal amount, Instant requestedAt, long version) {
        this.paymentId = paymentId;
        this.orderId = orderId;
        this.customerId = customerId;
        this.status = PaymentStatus.REQUESTED;
        this.amount = amount;
        this.requestedAt = requestedAt;
        this.updatedAt = requestedAt;
        this.version = version;
    }

    boolean moveTo(PaymentStatus newStatus, String why, Instant at, long sequenceNumber) {
        if (sequenceNumber <= version) {
            return false;
        }
        status = newStatus;
        reason = why;
        updatedAt = at;
        version = sequenceNumber;
        return true;
    }

    @Override
    public UUID getId() {
        return paymentId;
    }

    UUID paymentId() {
        return paymentId;
    }

    UUID orderId() {
        return orderId;
    }

    UUID customerId() {
        return customerId;
    }

    PaymentStatus status() {
        return status;
    }

    BigDecimal amount() {
        return amount;
    }

    String reason() {
        return reason;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
