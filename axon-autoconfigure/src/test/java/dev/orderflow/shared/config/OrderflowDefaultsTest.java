package dev.orderflow.shared.config;

import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code orderflow-defaults.properties} sets for Axon and Spring, bound the way their auto-configurations bind it. */
class OrderflowDefaultsTest {

    @Test
    void handlersAreNotTimedInsideTheUnitOfWorkThatIsTimedAlready() {
        TimeoutProperties timeouts = DefaultsBinder.with(Map.of()).bindOrCreate("axon.timeout", TimeoutProperties.class);

        assertThat(timeouts.isEnabled()).isTrue();
        for (TaskTimeoutSettings handler : new TaskTimeoutSettings[]{
                timeouts.getHandler().getEvents(), timeouts.getHandler().getCommands(), timeouts.getHandler().getQueries()}) {
            // Axon's HandlerTimeoutHandlerEnhancerDefinition leaves a handler unwrapped when both are negative.
            assertThat(handler.getTimeoutMs()).isNegative();
            assertThat(handler.getWarningThresholdMs()).isNegative();
        }
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isEqualTo(60_000);
        assertThat(timeouts.getTransaction().getEventProcessors().getWarningThresholdMs()).isEqualTo(10_000);
    }

    @Test
    void aServiceSettingWinsOverTheDefaults() {
        TimeoutProperties timeouts = DefaultsBinder.with(Map.of("axon.timeout.handler.events.timeout-ms", "5000"))
                .bindOrCreate("axon.timeout", TimeoutProperties.class);

        assertThat(timeouts.getHandler().getEvents().getTimeoutMs()).isEqualTo(5000);
        assertThat(timeouts.getHandler().getCommands().getTimeoutMs()).isNegative();
    }

    @Test
    void springsWarningAboutAxonsAnnotationsIsNotLogged() {
        // Bound as Spring Boot's LoggingApplicationListener binds it.
        Map<String, String> levels = DefaultsBinder.with(Map.of()).bind("logging.level", Bindable.mapOf(String.class, String.class)).get();

        assertThat(levels).containsEntry("org.springframework.core.annotation.AnnotationTypeMapping", "error");
    }
}
