package dev.orderflow.query;

import dev.orderflow.shared.deadletter.DeadLetteringGroups;
import dev.orderflow.shared.eventhandling.LiveEventsMonitor;
import dev.orderflow.shared.eventhandling.PromptCoordinatorExecutor;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One pooled streaming processor per read model, named after its processing group, tuned to catch up fast.
 * <p>
 * Every processor handles {@link ProjectionProperties#batchSize()} events per transaction. How many
 * segments it runs on depends on what its read model joins:
 * <ul>
 *   <li>Order history and customer accounts combine the streams of several aggregates (an order takes its
 *   customer's name from customer events and its prices from product events). Segments would handle those
 *   streams side by side and lose the order they happened in (a rename handled before the order it should
 *   apply to is placed). They run on <b>one segment</b>, which sees events in commit order.</li>
 *   <li>Catalogue (product events only), shipments and payments (every event names its order) are partitioned
 *   by that key: each segment owns a set of products or orders, so they run on
 *   {@link ProjectionProperties#segments()} segments with as many worker threads.</li>
 * </ul>
 * Their coordinators refill the workers' buffers without Axon's 100 ms pause (see {@link PromptCoordinatorExecutor}),
 * and Axon's metrics measure their live events, not a replay's (see {@link LiveEventsMonitor}).
 * An operator's {@code axon.eventhandling.processors.<name>.*} settings for one of these names are applied
 * after these and win.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessors {

    public static final String ORDER_HISTORY = "order-history";
    public static final String CUSTOMER_ACCOUNTS = "customer-accounts";
    public static final String CATALOGUE = "catalogue";
    public static final String SHIPMENTS = "shipments";
    public static final String PAYMENTS = "payments";

    /**
     * A projection that fails on an event parks that event's sequence (one aggregate, or one order) as a dead
     * letter and carries on with the others (see {@code docs/reliability.md}); off with
     * {@code orderflow.dead-letters.enabled=false}.
     */
    @Bean
    DeadLetteringGroups projectionDeadLetters() {
        return DeadLetteringGroups.of(ORDER_HISTORY, CUSTOMER_ACCOUNTS, CATALOGUE, SHIPMENTS, PAYMENTS);
    }

    @Bean
    ConfigurerModule projectionProcessorTuning(ProjectionProperties properties) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            register(processing, ORDER_HISTORY, 1, SequentialPerAggregatePolicy.instance(), properties);
            register(processing, CUSTOMER_ACCOUNTS, 1, SequentialPerAggregatePolicy.instance(), properties);
            register(processing, CATALOGUE, properties.segments(), SequentialPerAggregatePolicy.instance(), properties);
            register(processing, SHIPMENTS, properties.segments(), new OrderIdSequencingPolicy(), properties);
            register(processing, PAYMENTS, properties.segments(), new OrderIdSequencingPolicy(), properties);
        };
    }

    private static void register(EventProcessingConfigurer processing, String name, int segments,
                                 SequencingPolicy<? super EventMessage<?>> sequencing, ProjectionProperties properties) {
        processing.registerSequencingPolicy(name, configuration -> sequencing);
        processing.registerMessageMonitorFactory(name, LiveEventsMonitor.ofConfiguredMonitor());
        processing.registerPooledStreamingEventProcessorConfiguration(name, (configuration, builder) -> {
            ScheduledExecutorService workers =
                    Executors.newScheduledThreadPool(segments, new AxonThreadFactory("WorkPackage[" + name + "]"));
            ScheduledExecutorService coordinator = new PromptCoordinatorExecutor(name);
            configuration.onShutdown(workers::shutdown);
            configuration.onShutdown(coordinator::shutdown);
            return builder.initialSegmentCount(segments)
                          .batchSize(properties.batchSize())
                          .coordinatorExecutor(coordinator)
                          .workerExecutor(workers);
        });
    }
}
