package dev.orderflow.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the query API waits for a client's own write to become visible.
 *
 * @param maxWait        the longest a read with {@code minVersion} waits for the read model to reach that
 *                       version; a {@code waitMs} above it is cut to it
 * @param updatesTimeout how long a server-sent event stream ({@code GET /orders/{id}/updates}) stays open;
 *                       the server then ends it and a client that still cares reconnects
 */
@ConfigurationProperties("orderflow.query.read-your-writes")
public record ReadYourWritesProperties(@DefaultValue("5s") Duration maxWait, @DefaultValue("30m") Duration updatesTimeout) {

    public ReadYourWritesProperties {
        if (maxWait.isNegative() || updatesTimeout.isNegative() || updatesTimeout.isZero()) {
            throw new IllegalArgumentException("orderflow.query.read-your-writes durations must be positive");
        }
    }
}
