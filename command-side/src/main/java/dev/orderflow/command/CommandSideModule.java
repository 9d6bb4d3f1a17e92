package dev.orderflow.command;

import dev.orderflow.shared.database.ServiceSchema;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything the command side consists of, as one configuration that the command-side application
 * and the standalone application both import. Its tables live in the {@code command} schema.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
// The same exclusions as @SpringBootApplication (test configurations, auto-configurations), plus the
// applications themselves: the module is imported by them, never scanned by them.
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
@EnableConfigurationProperties(AggregateTuning.class)
public class CommandSideModule {

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
