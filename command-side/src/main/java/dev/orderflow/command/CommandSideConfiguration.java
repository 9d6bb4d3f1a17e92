package dev.orderflow.command;

import dev.orderflow.shared.config.ServiceConfiguration;
import dev.orderflow.shared.database.ServiceSchema;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

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

    /** Command endpoints take the version a client expects from {@code If-Match} ({@link IfMatchVersion}). */
    @Bean
    WebMvcConfigurer ifMatchVersions() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new IfMatchVersionResolver());
            }
        };
    }

    /** The lookup of known aggregates changes in the same transaction as the event that creates one. */
    @Bean
    ConfigurerModule knownAggregatesProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(KnownAggregatesTable.PROCESSING_GROUP);
    }
}
