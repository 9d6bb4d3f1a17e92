package dev.orderflow.shared.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(after = AxonAutoConfiguration.class)
public class FollowUpCommandsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FollowUpCommands followUpCommands(CommandGateway commandGateway) {
        return new FollowUpCommands(commandGateway);
    }
}
