package dev.orderflow.saga.fulfilment;

import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.shared.Quantity;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The fulfilment timer on Axon's in-memory event store: measured from the order's stored placement. */
class FulfilmentDurationTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FulfilmentDuration.FulfilmentDurationHandler handler =
            new FulfilmentDuration().fulfilmentDurationHandler(eventStore, registry);
    private final Instant placedAt = Instant.parse("2026-12-02T02:00:00Z");

    @AfterEach
    void closeTheStore() {
        eventStore.shutDown();
    }

    @Test
    void aConfirmationIsTimedFromThePlacement() {
        UUID orderId = placed();

        handler.on(new OrderConfirmedEvent(orderId), placedAt.plusMillis(1500));

        Timer confirmed = timer("confirmed");
        assertThat(confirmed.count()).isEqualTo(1);
        assertThat(confirmed.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(timer("rejected").count()).isZero();
    }

    @Test
    void aRejectionIsTimedApart() {
        UUID orderId = placed();

        handler.on(new OrderRejectedEvent(orderId, "Payment timed out"), placedAt.plus(Duration.ofSeconds(31)));

        assertThat(timer("rejected").totalTime(TimeUnit.SECONDS)).isEqualTo(31);
        assertThat(timer("confirmed").count()).isZero();
    }

    @Test
    void anOrderWhosePlacementIsNotStoredIsNotTimed() {
        handler.on(new OrderConfirmedEvent(UUID.randomUUID()), placedAt);

        assertThat(timer("confirmed").count()).isZero();
    }

    private UUID placed() {
        UUID orderId = UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("Order", orderId.toString(), 0,
                new OrderPlacedEvent(orderId, UUID.randomUUID(), List.of(new OrderLine(UUID.randomUUID(), Quantity.of(1)))),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), placedAt));
        return orderId;
    }

    private Timer timer(String outcome) {
        return registry.get(FulfilmentDuration.TIMER).tag("outcome", outcome).timer();
    }
}
