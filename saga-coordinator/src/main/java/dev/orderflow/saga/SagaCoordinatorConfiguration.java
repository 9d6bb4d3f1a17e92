package dev.orderflow.saga;

import dev.orderflow.saga.fulfilment.FulfilmentProperties;
import dev.orderflow.shared.config.ServiceConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Everything the saga coordinator consists of (its sagas keep their state, associations, tokens and
 * deadlines in the {@code axon} schema), as one configuration that its own application and the
 * standalone application both import.
 */
@ServiceConfiguration
@EnableConfigurationProperties(FulfilmentProperties.class)
public class SagaCoordinatorConfiguration {
}
