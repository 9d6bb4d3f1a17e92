package dev.orderflow.api.customer;

import java.util.UUID;

/**
 * The account of the customer who placed an order, looked up in the customer accounts' own record of
 * orders; answered with {@code Optional<CustomerView>}. Lets a composition ask for the customer in
 * parallel with the order instead of after it.
 */
public record FindCustomerByOrderQuery(UUID orderId) {

    public FindCustomerByOrderQuery {
        if (orderId == null) {
            throw new IllegalArgumentException("orderId must not be null");
        }
    }
}
