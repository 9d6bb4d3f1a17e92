package dev.orderflow.shared.admin;

import dev.orderflow.shared.database.ReadModelSchemas;
import dev.orderflow.shared.deadletter.EventParkedException;
import org.axonframework.common.transaction.TransactionManager;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What every service knows of its event processors: their segments (every one, whoever holds it), positions,
 * lag and failures ({@link ProcessorAdmin}), shown by a health indicator {@code eventProcessors} and by gauges
 * {@code orderflow.processor.*}; replays and rebuilds with their progress. The web module serves it as the admin
 * REST API. A service's own {@link ProcessorAdmin} bean replaces this one.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class})
@ConditionalOnClass(EventProcessingConfiguration.class)
@ConditionalOnBean(EventProcessingConfiguration.class)
@EnableConfigurationProperties(AdminProperties.class)
public class ProcessorAdminAutoConfiguration {

    @Bean
    SegmentFailures segmentFailures() {
        return new SegmentFailures(Clock.systemUTC());
    }

    @Bean
    ConfigurerModule segmentFailureInterceptors(SegmentFailures failures) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) ->
                new SegmentFailureInterceptor(processor, failures, EventParkedException::isParking));
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessorAdmin processorAdmin(EventProcessingConfiguration processing, ObjectProvider<EventStore> eventStore,
                                  SegmentFailures failures, ObjectProvider<EntityManagerProvider> entityManagers,
                                  Serializer serializer,
                                  ObjectProvider<TokenStoreProperties> tokenStoreProperties,
                                  ObjectProvider<AxonServerConfiguration> axonServer, Environment environment,
                                  AdminProperties properties, ObjectProvider<DataSource> dataSource,
                                  ObjectProvider<TransactionManager> transactions,
                                  ObjectProvider<ReadModelSchemas> readModelSchemas) {
        Duration claimTimeout = tokenStoreProperties.stream().findFirst()
                .map(TokenStoreProperties::getClaimTimeout).orElse(Duration.ofSeconds(10));
        // The owner name this instance claims segments under: its Axon Server client id in the distributed mode
        // (see DistributedAutoConfiguration#tokenStore), otherwise the JPA token store's default, pid@host.
        boolean distributed = environment.getProperty("axon.axonserver.enabled", Boolean.class, true);
        String nodeId = Optional.ofNullable(distributed ? axonServer.getIfAvailable() : null)
                .map(AxonServerConfiguration::getClientId)
                .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
        ReadModelRebuilds rebuilds = new ReadModelRebuilds(processing,
                readModelSchemas.getIfAvailable(() -> new ReadModelSchemas(Map.of())), dataSource.getIfAvailable(),
                transactions.getIfAvailable(),
                Clock.systemUTC(), nodeId, claimTimeout, properties.rebuildBatchSize());
        return new ProcessorAdmin(processing, eventStore, Clock.systemUTC(), failures,
                new TokenClaims(entityManagers.getIfAvailable(), serializer), nodeId, claimTimeout,
                properties.unclaimedSegmentGrace(), rebuilds);
    }

    /** Lets a rebuild's threads write to the copy of a read model's schema (see {@link RebuildSchemaRedirect}). */
    @Bean
    HibernatePropertiesCustomizer rebuildSchemaRedirect() {
        return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, new RebuildSchemaRedirect());
    }

    @Bean
    ApplicationListener<ApplicationStartedEvent> processorAdminStart(ProcessorAdmin admin, EventProcessorMetrics metrics) {
        return started -> {
            admin.applicationStarted();
            metrics.registerProcessors();
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventProcessorsHealthIndicator")
    HealthIndicator eventProcessorsHealthIndicator(ProcessorAdmin admin) {
        return new ProcessorHealthIndicator(admin);
    }

    @Bean
    @ConditionalOnMissingBean
    EventBrowser eventBrowser(ObjectProvider<EventStore> eventStore, AdminProperties properties) {
        return new EventBrowser(eventStore, properties);
    }

    @Bean
    EventProcessorMetrics eventProcessorMetrics(ProcessorAdmin admin) {
        return new EventProcessorMetrics(admin, Clock.systemUTC());
    }
}
