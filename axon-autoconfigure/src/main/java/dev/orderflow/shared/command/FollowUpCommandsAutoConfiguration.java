package dev.orderflow.shared.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link FollowUpCommands} for the sagas and handlers of a service that sends commands; its own replaces it. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@ConditionalOnBean(CommandGateway.class)
public class FollowUpCommandsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FollowUpCommands followUpCommands(CommandGateway commandGateway) {
        return new FollowUpCommands(commandGateway);
    }
}
