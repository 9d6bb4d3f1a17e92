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

/** The cache and snapshot trigger every aggregate names in its {@code @Aggregate} annotation. */
@Configuration(proxyBeanMethods = false)
class AggregateTuningConfiguration {

    static final String CACHE = "aggregateCache";
    static final String SNAPSHOT_TRIGGER = "aggregateSnapshotTrigger";

    @Bean(CACHE)
    Cache aggregateCache(AggregateTuning tuning) {
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
