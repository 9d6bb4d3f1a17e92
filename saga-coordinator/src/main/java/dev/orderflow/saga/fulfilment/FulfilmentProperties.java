package dev.orderflow.saga.fulfilment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the order fulfilment saga.
 *
 * @param paymentTimeout how long the saga waits for the payment's answer before it gives the order up
 *                       (releases its stock and rejects it); a payment authorized after that is refunded
 */
@ConfigurationProperties("orderflow.fulfilment")
public record FulfilmentProperties(Duration paymentTimeout) {

    public FulfilmentProperties {
        paymentTimeout = paymentTimeout == null ? Duration.ofSeconds(30) : paymentTimeout;
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("orderflow.fulfilment.payment-timeout must be positive");
        }
    }
}
