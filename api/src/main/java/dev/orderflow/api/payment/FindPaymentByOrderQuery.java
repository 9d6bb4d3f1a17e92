package dev.orderflow.api.payment;

import java.util.UUID;

/** The payment of an order (the latest one requested); answered with {@code Optional<PaymentView>}. */
public record FindPaymentByOrderQuery(UUID orderId) {

    public FindPaymentByOrderQuery {
        if (orderId == null) {
            throw new IllegalArgumentException("orderId must not be null");
        }
    }
}
