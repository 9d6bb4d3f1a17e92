package dev.orderflow.command.payment;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the credit check in-line, as a subscribing processor, unless {@code orderflow.payment.credit-check=streaming}:
 * the request, the credit hold and the answer are then stored in one transaction, which removes two processor hops
 * from every order (docs/benchmarks.md). Streaming, the processor is pooled like every other.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class CreditCheckConfiguration {

    @Bean
    ConfigurerModule creditCheckProcessor(PaymentProperties properties) {
        return configurer -> {
            if (properties.creditCheck() == CreditCheckMode.IN_LINE) {
                configurer.eventProcessing().registerSubscribingEventProcessor(PaymentCreditCheck.PROCESSING_GROUP);
            }
        };
    }
}
