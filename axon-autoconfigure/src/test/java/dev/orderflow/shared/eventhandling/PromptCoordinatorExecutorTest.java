package dev.orderflow.shared.eventhandling;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PromptCoordinatorExecutorTest {

    private final PromptCoordinatorExecutor executor = new PromptCoordinatorExecutor("order-history");

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void runsTheFullBufferPauseAfterTheShortRecheck() {
        ScheduledFuture<?> recheck = executor.schedule(() -> { }, 100, TimeUnit.MILLISECONDS);

        assertThat(recheck.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(PromptCoordinatorExecutor.FULL_BUFFER_RECHECK_MS);
    }

    @Test
    void keepsEveryOtherDelay() {
        ScheduledFuture<?> claim = executor.schedule(() -> { }, 5, TimeUnit.SECONDS);
        ScheduledFuture<?> noCallback = executor.schedule(() -> { }, 500, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> tenthOfASecondInMicros = executor.schedule(() -> { }, 100_001, TimeUnit.MICROSECONDS);

        assertThat(claim.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(4_000);
        assertThat(noCallback.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(400);
        assertThat(tenthOfASecondInMicros.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(50);
    }

    @Test
    void recognisesTheFullBufferPauseInAnyUnit() {
        assertThat(PromptCoordinatorExecutor.isFullBufferPause(100, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(PromptCoordinatorExecutor.isFullBufferPause(100_000, TimeUnit.MICROSECONDS)).isTrue();
        assertThat(PromptCoordinatorExecutor.isFullBufferPause(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(PromptCoordinatorExecutor.isFullBufferPause(1, TimeUnit.SECONDS)).isFalse();
    }

    /**
     * Pins what the executor relies on: Axon's coordinator, finding its work package's buffer full, asks for the
     * 100 ms pause this executor shortens. Should an Axon upgrade pause differently, this fails before a replay
     * silently slows down again.
     */
    @Test
    void axonsCoordinatorAsksForTheFullBufferPauseAndEveryEventIsStillHandledOnce() throws Exception {
        int events = 3_000;
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        for (int sequence = 0; sequence < events; sequence++) {
            store.publish(new GenericDomainEventMessage<>("Test", "aggregate", sequence, "event " + sequence));
        }
        CountDownLatch released = new CountDownLatch(1);
        List<Object> handled = new CopyOnWriteArrayList<>();
        ScheduledExecutorService workers = Executors.newSingleThreadScheduledExecutor();
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("order-history")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers((EventMessageHandler) event -> {
                            released.await(); // the buffer fills up behind the first event
                            handled.add(event.getPayload());
                            return null;
                        })
                        .build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(executor)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(500)
                .build();
        try {
            processor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> executor.fullBufferRechecks() > 0);
            released.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= events);
        } finally {
            released.countDown();
            processor.shutDown();
            workers.shutdownNow();
            store.shutDown();
        }

        assertThat(handled).hasSize(events).doesNotHaveDuplicates();
        assertThat(handled.get(0)).isEqualTo("event 0");
        assertThat(handled.get(events - 1)).isEqualTo("event " + (events - 1));
    }

    @Test
    void namesItsThreadAfterTheProcessor() throws Exception {
        String thread = executor.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);

        assertThat(thread).startsWith("Coordinator[order-history]");
    }
}
