package dev.orderflow.query.order;

import dev.orderflow.query.AssignedIdRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The order history's own copy of a customer's name, to write on the orders that customer places. */
@Entity
@Table(schema = "order_history", name = "order_history_customer")
class OrderCustomerCopy extends AssignedIdRow<UUID> {

    @Id
    private UUID customerId;
    private String name;

    protected OrderCustomerCopy() {
        // for JPA
    }

    OrderCustomerCopy(UUID customerId, String name) {
        this.customerId = customerId;
        this.name = name;
    }

    void rename(String newName) {
        name = newName;
    }

    @Override
    public UUID getId() {
        return customerId;
    }

    String name() {
        return name;
    }
}
