package dev.orderflow.saga.fulfilment;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The fulfilment saga's processor: one segment on one thread, batches of up to {@value #BATCH_SIZE} events.
 * <ul>
 *   <li>In the embedded mode the commands a saga sends run in its transaction and keep their aggregates locked until
 *   it commits. On several segments, sagas of different orders locked shared products and customers against each
 *   other: with 4 segments Axon broke several deadlocks a minute in the order bench, each aborting a batch and
 *   retrying it after a back-off. One segment takes every lock on one thread, so none can form, and it lets
 *   batches pay: under load up to ten queued events share one transaction and one token update (a lone event is
 *   handled at once). In the order bench it confirmed more orders per second than 4 segments did, with less than half
 *   their p99 (docs/benchmarks.md).</li>
 *   <li>Axon runs every saga event in every segment (each looks up the saga's associations), so one segment also
 *   makes one lookup per event where Axon's default of 16 made 16.</li>
 *   <li>The distributed mode sets 4 segments in its profile: there each command is handled in a transaction of its
 *   own on the command side, and waits for Axon Server, so segments side by side pay.</li>
 * </ul>
 * Segments are created with the tokens, so an existing deployment keeps its count until its segments are merged
 * or its tokens reset. {@code axon.eventhandling.processors[OrderFulfilmentSagaProcessor].*} settings win over
 * these (give {@code mode: pooled} and every count with them: Axon's defaults fill in the rest).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class FulfilmentSagaProcessor {

    /** Axon's name for the processor of {@link OrderFulfilmentSaga}: the saga's simple name and "Processor". */
    public static final String NAME = "OrderFulfilmentSagaProcessor";
    static final int SEGMENTS = 1;
    static final int BATCH_SIZE = 10;

    @Bean
    ConfigurerModule fulfilmentSagaProcessorTuning() {
        return configurer -> configurer.eventProcessing()
                                       .registerPooledStreamingEventProcessorConfiguration(NAME, FulfilmentSagaProcessor::tune);
    }

    static PooledStreamingEventProcessor.Builder tune(Configuration configuration,
                                                      PooledStreamingEventProcessor.Builder builder) {
        ScheduledExecutorService workers =
                Executors.newScheduledThreadPool(SEGMENTS, new AxonThreadFactory("WorkPackage[" + NAME + "]"));
        configuration.onShutdown(workers::shutdown);
        // Axon starts a saga's processor at the head only while nobody configures it: kept here, so a first start
        // does not run every order already stored through the saga again.
        return builder.initialSegmentCount(SEGMENTS)
                      .batchSize(BATCH_SIZE)
                      .workerExecutor(workers)
                      .initialToken(StreamableMessageSource::createHeadToken);
    }
}
