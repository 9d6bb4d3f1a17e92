package dev.orderflow.query.order;

import dev.orderflow.query.AssignedIdRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** One line of an order in the order history; a product appears on at most one line of an order. */
@Entity
@Table(schema = "order_history", name = "order_history_line")
@IdClass(OrderLineEntry.Key.class)
class OrderLineEntry extends AssignedIdRow<OrderLineEntry.Key> {

    @Id
    private UUID orderId;
    @Id
    private UUID productId;
    private int lineNumber;
    private String productName;
    private int quantity;
    private BigDecimal unitPrice;
    private boolean priceReserved;

    protected OrderLineEntry() {
        // for JPA
    }

    OrderLineEntry(UUID orderId, UUID productId, int lineNumber, String productName, int quantity, BigDecimal cataloguePrice) {
        this.orderId = orderId;
        this.productId = productId;
        this.lineNumber = lineNumber;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = cataloguePrice;
        this.priceReserved = false;
    }

    /** The stock was reserved at this price: from now on it is the line's price, whatever the catalogue says. */
    void reservedAt(BigDecimal price) {
        unitPrice = price;
        priceReserved = true;
    }

    BigDecimal amount() {
        return unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    @Override
    public Key getId() {
        return new Key(orderId, productId);
    }

    UUID orderId() {
        return orderId;
    }

    UUID productId() {
        return productId;
    }

    int lineNumber() {
        return lineNumber;
    }

    String productName() {
        return productName;
    }

    int quantity() {
        return quantity;
    }

    BigDecimal unitPrice() {
        return unitPrice;
    }

    boolean priceReserved() {
        return priceReserved;
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
