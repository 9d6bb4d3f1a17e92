package dev.orderflow.shared.adminapi;

import dev.orderflow.shared.admin.AdminProperties;
import dev.orderflow.shared.admin.EventBrowser;
import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.audit.OperatorAudit;
import dev.orderflow.shared.database.ServiceSchema;
import dev.orderflow.shared.deadletter.DeadLetterAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

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
            .withBean(ProcessorAdmin.class, () -> mock(ProcessorAdmin.class))
            .withBean(EventBrowser.class, () -> mock(EventBrowser.class))
            .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class));

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
    void operatorActionsAreAuditedInASchemaOfTheirOwn() {
        service.run(context -> {
            assertThat(context).hasSingleBean(OperatorActions.class).hasSingleBean(OperatorAudit.class)
                    .hasSingleBean(OperatorAuditController.class);
            assertThat(context.getBean("operationsSchema", ServiceSchema.class).locations())
                    .containsExactly("classpath:db/migration/operations");
        });
    }

    @Test
    void aServicesOwnAuditReplacesOurs() {
        OperatorAudit own = mock(OperatorAudit.class);
        service.withBean(OperatorAudit.class, () -> own)
                .run(context -> assertThat(context.getBean(OperatorAudit.class)).isSameAs(own));
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
