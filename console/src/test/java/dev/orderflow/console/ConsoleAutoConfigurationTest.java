package dev.orderflow.console;

import dev.orderflow.console.processor.ProcessorPages;
import dev.orderflow.shared.admin.EventBrowser;
import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.adminapi.OperatorActions;
import dev.orderflow.shared.audit.OperatorAudit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The console comes with the admin services it shows, in a web application, unless turned off. */
class ConsoleAutoConfigurationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    SecurityAutoConfiguration.class, ConsoleAutoConfiguration.class))
            .withBean(ProcessorAdmin.class, () -> mock(ProcessorAdmin.class))
            .withBean(EventBrowser.class, () -> mock(EventBrowser.class))
            .withBean(OperatorAudit.class, () -> mock(OperatorAudit.class))
            .withBean(OperatorActions.class, () -> mock(OperatorActions.class));

    @Test
    void aServiceWithTheAdminServicesHasTheConsoleAndItsOwnSecurity() {
        service.run(context -> {
            assertThat(context).hasSingleBean(ProcessorPages.class).hasSingleBean(ConsoleLayout.class)
                    .hasBean("consoleSecurity");
            assertThat(context.getBean("consoleSecurity", SecurityFilterChain.class).getFilters()).isNotEmpty();
            assertThat(context.getBean(ConsoleProperties.class).refreshInterval()).isEqualTo(1000);
        });
    }

    @Test
    void theConsoleCanBeTurnedOff() {
        service.withPropertyValues("orderflow.console.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ProcessorPages.class).doesNotHaveBean("consoleSecurity"));
    }

    @Test
    void withoutTheAdminServicesThereIsNothingToShow() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    SecurityAutoConfiguration.class, ConsoleAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ProcessorPages.class));
    }

    @Test
    void anApplicationWithoutAWebServerHasNoConsole() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConsoleAutoConfiguration.class))
                .withBean(OperatorActions.class, () -> mock(OperatorActions.class))
                .run(context -> assertThat(context).doesNotHaveBean(ProcessorPages.class));
    }

    @Test
    void aRefreshFasterThanTheServerShouldBeAskedIsRefused() {
        service.withPropertyValues("orderflow.console.refresh-interval=50")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("orderflow.console.refresh-interval must be at least 200"));
    }
}
