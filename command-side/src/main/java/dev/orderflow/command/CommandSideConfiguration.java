package dev.orderflow.command;

import dev.orderflow.shared.config.ServiceConfiguration;
import dev.orderflow.shared.database.ServiceSchema;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Everything the command side consists of, as one configuration that the command-side application
 * and the standalone application both import. Its tables live in the {@code command} schema.
 */
@ServiceConfiguration
@EnableConfigurationProperties(AggregateTuning.class)
public class CommandSideConfiguration {

    @Bean
    ServiceSchema commandSchema() {
        return new ServiceSchema("command", "classpath:db/migration/command");
    }

    /** The lookup of known aggregates changes in the same transaction as the event that creates one. */
    @Bean
    ConfigurerModule knownAggregatesProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(KnownAggregatesTable.PROCESSING_GROUP);
    }
}
