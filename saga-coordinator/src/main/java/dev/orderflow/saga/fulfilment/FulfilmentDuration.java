package dev.orderflow.saga.fulfilment;

import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How long fulfilment takes, from an order's placement to its outcome, as the Micrometer timer
 * {@value #TIMER} tagged {@code outcome=confirmed} or {@code rejected}: the figure the bench measures, for a
 * Prometheus user. Measured from the events' own timestamps (placed, then confirmed or rejected), so it holds
 * whichever instance runs the saga, and after a restart. Its processor starts at the head of the event store
 * on first start: orders finished before it existed are not counted.
 */
@Configuration(proxyBeanMethods = false)
public class FulfilmentDuration {

    public static final String PROCESSING_GROUP = "fulfilment-duration";
    public static final String TIMER = "orderflow.order.fulfilment";

    @Bean
    FulfilmentDurationHandler fulfilmentDurationHandler(EventStore eventStore, MeterRegistry registry) {
        return new FulfilmentDurationHandler(eventStore, timer(registry, "confirmed"), timer(registry, "rejected"));
    }

    @Bean
    ConfigurerModule fulfilmentDurationProcessor() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                PROCESSING_GROUP, (configuration, builder) -> builder.initialSegmentCount(1)
                        .initialToken(StreamableMessageSource::createHeadToken));
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(TIMER)
                    .description("From an order's placement to its confirmation or rejection")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry);
    }

    @ProcessingGroup(PROCESSING_GROUP)
    @DisallowReplay // a replay would count every order a second time
    static class FulfilmentDurationHandler {

        private final EventStore eventStore;
        private final Timer confirmed;
        private final Timer rejected;

        FulfilmentDurationHandler(EventStore eventStore, Timer confirmed, Timer rejected) {
            this.eventStore = eventStore;
            this.confirmed = confirmed;
            this.rejected = rejected;
        }

        @EventHandler
        void on(OrderConfirmedEvent event, @Timestamp Instant confirmedAt) {
            record(event.orderId(), confirmedAt, confirmed);
        }

        @EventHandler
        void on(OrderRejectedEvent event, @Timestamp Instant rejectedAt) {
            record(event.orderId(), rejectedAt, rejected);
        }

        /** The order's first event is its placement; read from there, never from a snapshot. */
        private void record(UUID orderId, Instant finishedAt, Timer timer) {
            DomainEventStream stream = eventStore.readEvents(orderId.toString(), 0);
            if (stream.hasNext()) {
                DomainEventMessage<?> placed = stream.next();
                if (OrderPlacedEvent.class.equals(placed.getPayloadType())) {
                    timer.record(Duration.between(placed.getTimestamp(), finishedAt));
                }
            }
        }
    }
}
