package dev.orderflow.query.customer;

import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.query.AssignedIdRow;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An order as the customer accounts record it: whose it is and whether it counts as spent. */
@Entity
@Table(schema = "customer_accounts", name = "customer_account_order")
class CustomerOrder extends AssignedIdRow<UUID> {

    @Id
    private UUID orderId;
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private long version;

    protected CustomerOrder() {
        // for JPA
    }

    CustomerOrder(UUID orderId, UUID customerId, long version) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.status = OrderStatus.PENDING;
        this.version = version;
    }

    /** Applies an order event once: false (and no change) when this sequence number was applied before. */
    boolean moveTo(OrderStatus newStatus, long sequenceNumber) {
        if (sequenceNumber <= version) {
            return false;
        }
        status = newStatus;
        version = sequenceNumber;
        return true;
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    UUID customerId() {
        return customerId;
    }

    OrderStatus status() {
        return status;
    }
}
