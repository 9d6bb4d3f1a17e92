package dev.orderflow.query.order;

import dev.orderflow.query.AssignedIdRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The order history's own copy of a product's name and catalogue price, to write on the order lines that
 * order it (the price only until the stock is reserved at its actual price).
 */
@Entity
@Table(schema = "order_history", name = "order_history_product")
class OrderProductCopy extends AssignedIdRow<UUID> {

    @Id
    private UUID productId;
    private String name;
    private BigDecimal price;

    protected OrderProductCopy() {
        // for JPA
    }

    OrderProductCopy(UUID productId, String name, BigDecimal price) {
        this.productId = productId;
        this.name = name;
        this.price = price;
    }

    void rename(String newName) {
        name = newName;
    }

    void reprice(BigDecimal newPrice) {
        price = newPrice;
    }

    @Override
    public UUID getId() {
        return productId;
    }

    String name() {
        return name;
    }

    BigDecimal price() {
        return price;
    }
}
