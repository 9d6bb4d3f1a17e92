package dev.orderflow.standalone;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Pushes every way a processor finds an event without being told out of a test's reach: the event store's
 * reader looks at the table only every {@link #FALLBACK} (property {@link #FETCH_DELAY}), and a caught-up pooled
 * processor runs again on its own only after as long (its token claim interval and claim extension threshold).
 * An event handled well within {@link #PATIENCE} was therefore handled because a wake-up reached the processor.
 */
@TestConfiguration(proxyBeanMethods = false)
class SlowFallbacks {

    static final Duration FALLBACK = Duration.ofMinutes(10);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String FETCH_DELAY = "orderflow.event-store.fetch-delay=10m";

    @Bean
    ConfigurerModule slowProcessorFallbacks() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.tokenClaimInterval(FALLBACK.toMillis())
                                                   .claimExtensionThreshold(FALLBACK.toMillis()));
    }
}
