package dev.orderflow.command.customer;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The email lookup must change in the same transaction as the registration event: a subscribing processor. */
@Configuration(proxyBeanMethods = false)
class EmailRegistryConfiguration {

    @Bean
    ConfigurerModule emailRegistryProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(RegisteredEmails.PROCESSING_GROUP);
    }
}
