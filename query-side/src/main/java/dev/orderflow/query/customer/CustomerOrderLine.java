package dev.orderflow.query.customer;

import dev.orderflow.query.AssignedIdRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** What one line of an order costs, as its stock reservation priced it. */
@Entity
@Table(schema = "customer_accounts", name = "customer_account_order_line")
@IdClass(CustomerOrderLine.Key.class)
class CustomerOrderLine extends AssignedIdRow<CustomerOrderLine.Key> {

    @Id
    private UUID orderId;
    @Id
    private UUID productId;
    private BigDecimal amount;

    protected CustomerOrderLine() {
        // for JPA
    }

    CustomerOrderLine(UUID orderId, UUID productId, BigDecimal amount) {
        this.orderId = orderId;
        this.productId = productId;
        this.amount = amount;
    }

    UUID orderId() {
        return orderId;
    }

    BigDecimal amount() {
        return amount;
    }

    void priceAt(BigDecimal newAmount) {
        amount = newAmount;
    }

    @Override
    public Key getId() {
        return new Key(orderId, productId);
    }

    static class Key implements Serializable {

        private UUID orderId;
        private UUID productId;

        protected Key() {
            // for JPA
        }

        Key(UUID orderId, UUID productId) {
            this.orderId = orderId;
            this.productId = productId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && orderId.equals(key.orderId) && productId.equals(key.productId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, productId);
        }
    }
}
