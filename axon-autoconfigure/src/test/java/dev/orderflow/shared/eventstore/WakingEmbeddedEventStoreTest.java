package dev.orderflow.shared.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WakingEmbeddedEventStoreTest {

    private final WakingEmbeddedEventStore store =
            WakingEmbeddedEventStore.create(new InMemoryEventStorageEngine(), EmbeddedEventStore.builder(), () -> { });

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aStreamDropsSkippedTypesButDeliversTheLastEventSoItsTokenReachesTheHead() throws Exception {
        publish("placed 1", 1, 2, "placed 2", 3, 4);
        TrackingEventStream stream = store.openStream(null);

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("placed 1");
        TrackedEventMessage<?> unhandled = stream.nextAvailable();
        assertThat(unhandled.getPayload()).isEqualTo(1);
        stream.skipMessagesWithPayloadTypeOf(unhandled);

        List<Object> delivered = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        while (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            delivered.add(event.getPayload());
            positions.add(event.trackingToken().position().orElseThrow());
        }

        // 2 is dropped (its position is covered by "placed 2"), 3 as well, 4 is the head and comes through.
        assertThat(delivered).containsExactly("placed 2", 4);
        assertThat(positions).containsExactly(3L, 5L);
    }

    @Test
    void peekSeesPastSkippedEventsAndHoldsBackOnlyTheLast() throws Exception {
        publish("placed 1", 1);
        TrackingEventStream stream = store.openStream(null);
        stream.nextAvailable();
        stream.skipMessagesWithPayloadTypeOf(stream.peek().orElseThrow());
        stream.nextAvailable();

        publish(2, 3, "placed 2");

        // The store's reader brings them to the stream a moment later; peeking then looks past 2 and 3.
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.hasNextAvailable()
                && stream.peek().map(event -> "placed 2".equals(event.getPayload())).orElse(false));
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("placed 2");
        assertThat(stream.hasNextAvailable()).isFalse();
    }

    private void publish(Object... payloads) {
        for (Object payload : payloads) {
            store.publish(new GenericDomainEventMessage<>("Test", "aggregate-" + payload, 0, payload));
        }
    }
}
