package dev.orderflow.command.support;

import dev.orderflow.testfixtures.ServiceClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@TestConfiguration(proxyBeanMethods = false)
class CommandSideTestSupport {

    @Bean
    @Lazy
    ServiceClient httpApi(Environment environment) {
        return ServiceClient.onLocalPort(environment.getProperty("local.server.port"));
    }

    @Bean
    FlakyProjection flakyProjection() {
        return new FlakyProjection();
    }

    @Bean
    ExistingAggregates existingAggregates(CommandGateway commands) {
        return new ExistingAggregates(commands);
    }

    @Bean
    StoredEvents storedEvents(JdbcTemplate jdbc) {
        return new StoredEvents(jdbc);
    }
}
