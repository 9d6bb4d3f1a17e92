package dev.orderflow.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations console under {@code /console}.
 *
 * @param enabled            serve it (ADMIN role only, the same users as {@code /admin/**})
 * @param axonServerDashboard the Axon Server dashboard's URL, linked from every page where the service runs on Axon
 *                           Server (the distributed mode); empty for none
 * @param refreshInterval    how often the live parts (processors, replay progress) ask for news, in milliseconds
 */
@ConfigurationProperties("orderflow.console")
public record ConsoleProperties(@DefaultValue("true") boolean enabled, String axonServerDashboard,
                                @DefaultValue("1000") int refreshInterval) {

    public ConsoleProperties {
        if (refreshInterval < 200) {
            throw new IllegalArgumentException("orderflow.console.refresh-interval must be at least 200 (ms)");
        }
    }
}
