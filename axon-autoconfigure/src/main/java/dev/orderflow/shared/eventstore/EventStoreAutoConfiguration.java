package dev.orderflow.shared.eventstore;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;

/**
 * The embedded mode's event store: Axon's {@link EmbeddedEventStore} (which Axon's auto-configuration would
 * build, and does not once this one exists), made a {@link WakingEmbeddedEventStore} so that processors hear of
 * new events instead of polling for them, and, across instances on one database, Postgres notifications that
 * wake the others' readers. It backs off when there is no storage engine (Axon Server holds the events, and its
 * streams call back already) or when the application defines its own event bus.
 */
@AutoConfiguration(after = JpaEventStoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnBean(EventStorageEngine.class)
    public WakingEmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                               EventStoreProperties properties,
                                               ObjectProvider<AppendNotifications> notifications) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS);
        AppendNotifications announcer = notifications.getIfAvailable();
        Runnable afterAppend = announcer == null ? () -> { } : announcer::announceAppended;
        return WakingEmbeddedEventStore.create(storageEngine, builder, afterAppend);
    }

    @Bean
    @ConditionalOnBean(EventStorageEngine.class)
    @ConditionalOnProperty(name = "orderflow.event-store.cross-instance-wake-up", matchIfMissing = true)
    AppendNotifications appendNotifications(EntityManagerProvider entityManagers) {
        return new AppendNotifications(entityManagers);
    }

    @Bean
    @ConditionalOnBean(WakingEmbeddedEventStore.class)
    @ConditionalOnProperty(name = "orderflow.event-store.cross-instance-wake-up", matchIfMissing = true)
    AppendListener appendListener(DataSource dataSource, AppendNotifications notifications,
                                  WakingEmbeddedEventStore eventStore) {
        return new AppendListener(dataSource, notifications, eventStore);
    }
}
