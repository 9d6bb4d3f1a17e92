package dev.orderflow.shared.saga;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What a service keeps of its sagas beyond Axon's saga store.
 *
 * @param finishedRetention how long an ended saga stays listed (its last stored state and associations), for the
 *                          operations console; {@code 0} keeps none and adds no write when a saga ends
 */
@ConfigurationProperties("orderflow.sagas")
public record SagaProperties(@DefaultValue("24h") Duration finishedRetention) {

    public SagaProperties {
        if (finishedRetention.isNegative()) {
            throw new IllegalArgumentException("orderflow.sagas.finished-retention must not be negative");
        }
    }

    public boolean keepsFinishedSagas() {
        return !finishedRetention.isZero();
    }
}
