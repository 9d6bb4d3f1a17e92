package dev.orderflow.api.customer;

import java.util.UUID;

/** One customer account; answered with {@code Optional<CustomerView>}, empty when the customer is unknown. */
public record FindCustomerQuery(UUID customerId) {

    public FindCustomerQuery {
        if (customerId == null) {
            throw new IllegalArgumentException("customerId must not be null");
        }
    }
}
