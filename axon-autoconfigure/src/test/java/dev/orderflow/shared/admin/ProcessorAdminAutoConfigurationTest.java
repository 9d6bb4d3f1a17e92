package dev.orderflow.shared.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class ProcessorAdminAutoConfigurationTest {

    private static final String HEALTH = "eventProcessorsHealthIndicator";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProcessorAdminAutoConfiguration.class))
            .withBean(EventProcessingConfiguration.class, EventProcessingModule::new)
            .withBean(Serializer.class, JacksonSerializer::defaultSerializer);

    @Test
    void aServiceGetsTheProcessorAdminTheHealthIndicatorAndTheGauges() {
        service.run(context -> {
            assertThat(context).hasSingleBean(ProcessorAdmin.class);
            assertThat(context.getBean(HEALTH)).isInstanceOf(ProcessorHealthIndicator.class);
            assertThat(context).hasSingleBean(EventProcessorMetrics.class);
            assertThat(context.getBean(AdminProperties.class).unclaimedSegmentGrace()).hasSeconds(30);
            assertThat(context.getBean(AdminProperties.class).rebuildBatchSize()).isEqualTo(500);
            Map<String, Object> hibernate = new HashMap<>();
            context.getBean(HibernatePropertiesCustomizer.class).customize(hibernate);
            assertThat(hibernate.get(AvailableSettings.STATEMENT_INSPECTOR))
                    .as("a rebuild's threads write to its copy").isInstanceOf(RebuildSchemaRedirect.class);
        });
    }

    @Test
    void withoutAxonsEventProcessingNothingIsConfigured() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProcessorAdminAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ProcessorAdmin.class);
                    assertThat(context).doesNotHaveBean(HEALTH);
                });
    }

    @Test
    void aServicesOwnProcessorAdminReplacesOurs() {
        ProcessorAdmin own = mock(ProcessorAdmin.class);

        service.withBean(ProcessorAdmin.class, () -> own).run(context -> {
            assertThat(context).getBean(ProcessorAdmin.class).isSameAs(own);
            assertThat(context.getBean(HEALTH)).isInstanceOf(ProcessorHealthIndicator.class);
        });
    }

    @Test
    void aServicesOwnHealthIndicatorReplacesOurs() {
        HealthIndicator own = () -> Health.up().build();

        service.withBean(HEALTH, HealthIndicator.class, () -> own).run(context ->
                assertThat(context.getBean(HEALTH)).isSameAs(own));
    }

    @Test
    void theGraceIsConfigurable() {
        service.withPropertyValues("orderflow.admin.unclaimed-segment-grace=5s").run(context ->
                assertThat(context.getBean(AdminProperties.class).unclaimedSegmentGrace()).hasSeconds(5));
    }
}
