package dev.orderflow.saga.fulfilment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the order fulfilment saga.
 *
 * @param paymentTimeout how long the saga waits for the payment's answer before it gives the order up
 *                       (releases its stock and rejects it); a payment authorized after that is refunded
 */
@ConfigurationProperties("orderflow.fulfilment")
public record FulfilmentProperties(@DefaultValue("30s") Duration paymentTimeout) {

    public FulfilmentProperties {
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("orderflow.fulfilment.payment-timeout must be positive");
        }
    }
}
