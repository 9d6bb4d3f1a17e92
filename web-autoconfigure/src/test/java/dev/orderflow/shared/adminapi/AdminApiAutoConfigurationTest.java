package dev.orderflow.shared.adminapi;

import dev.orderflow.shared.admin.AdminProperties;
import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.deadletter.DeadLetterAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The admin REST API serves what the Axon module administers, in a web application, unless turned off. The
 * administered parts are stand-ins here: only whether each controller exists is in question.
 */
class AdminApiAutoConfigurationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AdminApiAutoConfiguration.class))
            .withUserConfiguration(AdminSettings.class)
            .withBean(ProcessorAdmin.class, () -> mock(ProcessorAdmin.class));

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminProperties.class)
    static class AdminSettings {
    }

    @Test
    void processorsAndEventsAreServedWhereTheirAdminExists() {
        service.run(context -> assertThat(context).hasSingleBean(ProcessorAdminController.class)
                .hasSingleBean(EventInspectionController.class).doesNotHaveBean(DeadLetterAdminController.class));
    }

    @Test
    void deadLettersAreServedWhereTheServiceHasThem() {
        service.withBean(DeadLetterAdmin.class, () -> mock(DeadLetterAdmin.class))
                .run(context -> assertThat(context).hasSingleBean(DeadLetterAdminController.class));
    }

    @Test
    void theApiCanBeTurnedOff() {
        service.withBean(DeadLetterAdmin.class, () -> mock(DeadLetterAdmin.class))
                .withPropertyValues("orderflow.admin.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ProcessorAdminController.class)
                        .doesNotHaveBean(EventInspectionController.class).doesNotHaveBean(DeadLetterAdminController.class));
    }

    @Test
    void anApplicationWithoutAWebServerHasNoApi() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AdminApiAutoConfiguration.class))
                .withBean(ProcessorAdmin.class, () -> mock(ProcessorAdmin.class))
                .run(context -> assertThat(context).doesNotHaveBean(ProcessorAdminController.class));
    }
}
