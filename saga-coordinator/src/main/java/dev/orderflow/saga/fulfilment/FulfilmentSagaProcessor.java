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
 * The fulfilment saga's processor, in every mode: {@value #SEGMENTS} segments, a worker thread each, one event per
 * transaction.
 * <ul>
 *   <li>Axon runs every saga event in every segment (each looks up the saga's associations and, when it handles
 *   the event, commits its token), so its default of 16 segments cost 16 transactions per event: the saga was the
 *   busiest processor of the order bench. Four still handle four orders side by side and leave a segment to each
 *   of up to four instances.</li>
 *   <li>A thread per segment: a segment waiting for its commands never holds up another.</li>
 *   <li>One event per transaction: in the embedded mode the commands a saga sends run in its transaction and keep
 *   their aggregates locked until it commits. Batches of 10 made the segments lock shared products and customers
 *   for ten orders at a time, in no common order, and Axon broke several deadlocks a minute in the order bench
 *   (each one aborts the segment's batch and retries it after a back-off); one order's commands take their
 *   products in id order ({@link OrderFulfilmentSaga}).</li>
 * </ul>
 * Segments are created with the tokens, so an existing deployment keeps its count until its segments are merged
 * or its tokens reset. {@code axon.eventhandling.processors[OrderFulfilmentSagaProcessor].*} settings win over
 * these (give {@code mode: pooled} and every count with them: Axon's defaults fill in the rest).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class FulfilmentSagaProcessor {

    /** Axon's name for the processor of {@link OrderFulfilmentSaga}: the saga's simple name and "Processor". */
    public static final String NAME = "OrderFulfilmentSagaProcessor";
    static final int SEGMENTS = 4;
    static final int BATCH_SIZE = 1;

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
