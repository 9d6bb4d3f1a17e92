package dev.orderflow.shared.command;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Follow-up commands exist where commands can be sent, and a service's own replace them. */
class FollowUpCommandsAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FollowUpCommandsAutoConfiguration.class));

    private static CommandGateway gateway() {
        return DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build();
    }

    @Test
    void aServiceThatSendsCommandsGetsFollowUpCommands() {
        service.withBean(CommandGateway.class, FollowUpCommandsAutoConfigurationTest::gateway)
                .run(context -> assertThat(context).hasSingleBean(FollowUpCommands.class));
    }

    @Test
    void withoutACommandGatewayThereAreNone() {
        service.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FollowUpCommands.class));
    }

    @Test
    void aServicesOwnFollowUpCommandsReplaceOurs() {
        FollowUpCommands own = new FollowUpCommands(gateway());

        service.withBean(CommandGateway.class, FollowUpCommandsAutoConfigurationTest::gateway)
                .withBean(FollowUpCommands.class, () -> own)
                .run(context -> assertThat(context).getBean(FollowUpCommands.class).isSameAs(own));
    }
}
