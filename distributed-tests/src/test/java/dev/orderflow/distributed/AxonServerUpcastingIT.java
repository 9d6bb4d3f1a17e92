package dev.orderflow.distributed;

import com.google.protobuf.ByteString;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.shared.Money;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.event.axon.GrpcBackedDomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed mode reads old events through the same upcasters as the embedded one. A service with Orderflow's
 * shared auto-configuration and Axon Server on (its address a closed port: no Axon Server runs here) gets Axon
 * Server's event store, and that store's upcaster chain reads a revision-1 {@code ProductAddedEvent}, in the form
 * Axon Server hands events to a service, as revision 2. (The embedded mode's JPA store is proven end to end by
 * {@code standalone/.../ProductAddedEventUpcastingIT}.)
 */
@SpringBootTest(classes = AxonServerUpcastingIT.EventReadingService.class,
        properties = {
                "axon.axonserver.enabled=true",
                "axon.axonserver.servers=127.0.0.1:1",
                "axon.axonserver.component-name=event-reading-service"
        })
class AxonServerUpcastingIT {

    @Autowired
    EventStore eventStore;

    @Test
    void axonServersEventStoreReadsARevision1ProductAddedEventAsRevision2() {
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        // Axon's own wiring hands the configuration's chain to the store's engine; read with what the engine holds.
        AbstractEventStorageEngine engine = ReflectionTestUtils.invokeMethod(eventStore, "storageEngine");
        EventUpcaster chain = (EventUpcaster) ReflectionTestUtils.getField(engine, "upcasterChain");
        UUID productId = UUID.randomUUID();
        Event fromAxonServer = Event.newBuilder()
                .setMessageIdentifier(UUID.randomUUID().toString())
                .setAggregateType("Product")
                .setAggregateIdentifier(productId.toString())
                .setAggregateSequenceNumber(0)
                .setTimestamp(1_767_225_600_000L)
                .setPayload(SerializedObject.newBuilder()
                        .setType(ProductAddedEvent.class.getName())
                        .setRevision("1")
                        .setData(ByteString.copyFromUtf8("""
                                {"productId":"%s","name":"Blue Mug","price":12.50,"stock":40}""".formatted(productId))))
                .build();

        List<? extends DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(new GrpcBackedDomainEventData(fromAxonServer)), engine.getEventSerializer(), chain).asStream().toList();

        assertThat(read).singleElement().satisfies(event -> assertThat((Object) event.getPayload())
                .isEqualTo(new ProductAddedEvent(productId, "Blue Mug", Money.of("12.50"), 40)));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class EventReadingService {
    }
}
