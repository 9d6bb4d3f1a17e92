package dev.orderflow.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches and the snapshot trigger the aggregates name in their {@code @Aggregate} annotation. Each aggregate
 * type has a cache of its own: Axon's cache is keyed by id alone, so in a shared one a customer's id sent to the
 * order repository (a cancellation naming a customer) would find the cached customer and hand it an order's command.
 * Apart, the order repository finds nothing cached and sources the id's events, which build no order: not found.
 */
@Configuration(proxyBeanMethods = false)
class AggregateTuningConfiguration {

    static final String SNAPSHOT_TRIGGER = "aggregateSnapshotTrigger";

    @Bean
    Cache customerCache(AggregateTuning tuning) {
        return cache(tuning);
    }

    @Bean
    Cache productCache(AggregateTuning tuning) {
        return cache(tuning);
    }

    @Bean
    Cache orderCache(AggregateTuning tuning) {
        return cache(tuning);
    }

    @Bean
    Cache paymentCache(AggregateTuning tuning) {
        return cache(tuning);
    }

    @Bean
    Cache shipmentCache(AggregateTuning tuning) {
        return cache(tuning);
    }

    private static Cache cache(AggregateTuning tuning) {
        // Weak references: the garbage collector bounds the cache, so it needs no size to tune.
        return tuning.cacheEnabled() ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition aggregateSnapshotTrigger(AggregateTuning tuning, Snapshotter snapshotter) {
        return tuning.snapshotThreshold() == 0
                ? NoSnapshotTriggerDefinition.INSTANCE
                : new EventCountSnapshotTriggerDefinition(snapshotter, tuning.snapshotThreshold());
    }
}
