package dev.orderflow.shared.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.slf4j.Logger;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.Set;

/**
 * Dead letters for the processing groups a service names in {@link DeadLetteringGroups} beans: a JPA
 * dead-letter queue per group in the service's {@code axon.dead_letter_entry} table, handlers that write a batch
 * at its end and redo it writing per event when the database refuses it, so a failure is still one event's
 * ({@link FlushingEventHandlerEnhancer}), a queue that parks a failed event
 * without losing its batch ({@link IsolatingDeadLetterQueue}), their administration ({@link DeadLetterAdmin}, which
 * the web module serves under {@code /admin/dead-letters}), a gauge {@code orderflow.dead.letters} per group, and the
 * health indicator {@code deadLetters} ({@link DeadLetterHealthIndicator}). A service's own {@link DeadLetterPolicy}
 * bean replaces the one that decides which failures are parked and when a parked event is retried.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, JpaAutoConfiguration.class})
@ConditionalOnClass(JpaSequencedDeadLetterQueue.class)
@ConditionalOnBean(DeadLetteringGroups.class)
@ConditionalOnProperty(prefix = "orderflow.dead-letters", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAutoConfiguration.class);

    /** All groups every module of the service declared (the standalone application composes several). */
    private static DeadLetteringGroups ofThisService(ObjectProvider<DeadLetteringGroups> declared) {
        Set<String> names = new HashSet<>();
        declared.orderedStream().forEach(groups -> names.addAll(groups.names()));
        return new DeadLetteringGroups(names);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPolicy deadLetterPolicy() {
        return new DeadLetterPolicy();
    }

    @Bean
    ConfigurerModule deadLetterQueues(ObjectProvider<DeadLetteringGroups> declared, DeadLetterPolicy deadLetterPolicy,
                                      ObjectProvider<EntityManagerProvider> entityManagers,
                                      ObjectProvider<TransactionManager> axonTransactions,
                                      ObjectProvider<PlatformTransactionManager> springTransactions) {
        DeadLetteringGroups groups = ofThisService(declared);
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String group : groups.names()) {
                processing.registerDeadLetterQueue(group, configuration -> new IsolatingDeadLetterQueue(group,
                        JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .entityManagerProvider(entityManagers.getObject())
                                .transactionManager(axonTransactions.getObject())
                                .claimDuration(IsolatingDeadLetterQueue.CLAIM_DURATION)
                                .genericSerializer(configuration.serializer())
                                .eventSerializer(configuration.eventSerializer())
                                .build(),
                        new TransactionTemplate(springTransactions.getObject()), entityManagers.getObject()));
                processing.registerDeadLetterPolicy(group, configuration -> deadLetterPolicy);
                // A replay handles every event again, so what was parked before it is obsolete; the cache
                // spares a query per event to ask whether its sequence is parked.
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
            }
            log.info("Processing groups {} park events their handlers fail on as dead letters",
                    groups.names().stream().sorted().toList());
        };
    }

    @Bean
    FlushingEventHandlerEnhancer flushingEventHandlerEnhancer(ObjectProvider<DeadLetteringGroups> declared,
                                                              ObjectProvider<EntityManagerProvider> entityManagers) {
        return new FlushingEventHandlerEnhancer(ofThisService(declared), entityManagers);
    }

    @Bean
    DeadLetterAdmin deadLetterAdmin(EventProcessingConfiguration processing,
                                    ObjectProvider<DeadLetteringGroups> declared, DeadLetterPolicy deadLetterPolicy,
                                    PlatformTransactionManager transactions) {
        return new DeadLetterAdmin(processing, ofThisService(declared), deadLetterPolicy,
                new TransactionTemplate(transactions));
    }

    @Bean
    MeterBinder deadLetterGauges(DeadLetterAdmin admin) {
        return registry -> admin.processingGroups().forEach(group ->
                Gauge.builder("orderflow.dead.letters", admin, a -> sizeOrNaN(a, group))
                     .description("Events parked in the dead-letter queue of a processing group")
                     .tag("processing.group", group)
                     .register(registry));
    }

    @Bean
    @ConditionalOnMissingBean(name = "deadLettersHealthIndicator")
    HealthIndicator deadLettersHealthIndicator(DeadLetterAdmin admin) {
        return new DeadLetterHealthIndicator(admin);
    }

    private static double sizeOrNaN(DeadLetterAdmin admin, String group) {
        try {
            return admin.size(group);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
