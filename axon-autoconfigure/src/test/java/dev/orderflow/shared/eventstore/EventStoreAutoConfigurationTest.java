package dev.orderflow.shared.eventstore;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** When the waking event store and the cross-instance notifications are built, and when they back off. */
class EventStoreAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventStoreAutoConfiguration.class))
            .withBean(Configuration.class, () -> DefaultConfigurer.defaultConfiguration().buildConfiguration())
            // Nothing listens there: the listener only logs that it cannot connect.
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"))
            .withBean(EntityManagerProvider.class, () -> () -> {
                throw new IllegalStateException("nothing is appended in these tests");
            });

    @Test
    void eventsInAStorageEngineGetTheWakingStoreAndTheNotifications() {
        service.withBean(EventStorageEngine.class, InMemoryEventStorageEngine::new)
                .run(context -> {
                    assertThat(context).hasSingleBean(WakingEmbeddedEventStore.class)
                            .hasSingleBean(AppendNotifications.class).hasSingleBean(AppendListener.class);
                    assertThat(context.getBean(EventStoreProperties.class).fetchDelay()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void theNotificationsCanBeTurnedOff() {
        service.withBean(EventStorageEngine.class, InMemoryEventStorageEngine::new)
                .withPropertyValues("orderflow.event-store.cross-instance-wake-up=false")
                .run(context -> assertThat(context).hasSingleBean(WakingEmbeddedEventStore.class)
                        .doesNotHaveBean(AppendNotifications.class).doesNotHaveBean(AppendListener.class));
    }

    @Test
    void withoutAStorageEngineAsWithAxonServerNothingIsBuilt() {
        service.run(context -> assertThat(context).doesNotHaveBean(EventBus.class)
                .doesNotHaveBean(AppendNotifications.class).doesNotHaveBean(AppendListener.class));
    }

    @Test
    void anEventBusOfTheApplicationWins() {
        service.withBean(EventStorageEngine.class, InMemoryEventStorageEngine::new)
                .withBean(EventBus.class, () -> SimpleEventBus.builder().build())
                .run(context -> assertThat(context).hasSingleBean(EventBus.class)
                        .doesNotHaveBean(WakingEmbeddedEventStore.class).doesNotHaveBean(AppendListener.class));
    }
}
