package dev.orderflow.query.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Time limits of the parts of {@code GET /orders/{id}/details}. Each part is a query of its own, run in
 * parallel with the others; a part without an answer in time is reported unavailable, the others are
 * still returned.
 *
 * @param timeout      the time limit of every part without a limit of its own
 * @param partTimeouts limits of single parts by name ({@code order}, {@code customer}, {@code payment},
 *                     {@code shipment}), e.g. {@code orderflow.query.order-details.part-timeouts.payment=500ms}
 */
@ConfigurationProperties("orderflow.query.order-details")
public record OrderDetailsProperties(@DefaultValue("2s") Duration timeout,
                                     @DefaultValue Map<String, Duration> partTimeouts) {

    static final Set<String> PARTS = Set.of("order", "customer", "payment", "shipment");

    public OrderDetailsProperties {
        partTimeouts = Map.copyOf(partTimeouts);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("orderflow.query.order-details.timeout must be positive");
        }
        partTimeouts.forEach((part, limit) -> {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("orderflow.query.order-details.part-timeouts has no part '" + part
                        + "'; the parts are " + PARTS);
            }
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("orderflow.query.order-details.part-timeouts." + part + " must be positive");
            }
        });
    }

    Duration timeoutOf(String part) {
        return partTimeouts.getOrDefault(part, timeout);
    }
}
