package dev.orderflow.saga.fulfilment;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The saga processor's own settings, applied to a processor on Axon's in-memory store and token store. */
class FulfilmentSagaProcessorTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final Configuration configuration = DefaultConfigurer.defaultConfiguration().buildConfiguration();
    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        configuration.shutdown();
        eventStore.shutDown();
    }

    @Test
    void theSagaStartsAtTheHeadOnOneSegment() {
        for (int i = 0; i < 3; i++) {
            eventStore.publish(GenericEventMessage.asEventMessage("stored before the saga's first start " + i));
        }
        PooledStreamingEventProcessor.Builder builder = PooledStreamingEventProcessor.builder()
                .name(FulfilmentSagaProcessor.NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object()).build())
                .messageSource(eventStore)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor());
        processor = FulfilmentSagaProcessor.tune(configuration, builder).build();

        processor.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> tokens.fetchSegments(FulfilmentSagaProcessor.NAME).length == 1);
        TrackingToken first = tokens.fetchToken(FulfilmentSagaProcessor.NAME, 0);
        assertThat(first.position()).as("the head, past the events stored before").hasValue(2);
    }
}
