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
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorAdminAutoConfigurationTest {

    private static final String HEALTH = "eventProcessorsHealthIndicator";

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProcessorAdminAutoConfiguration.class))
            .withBean(EventProcessingConfiguration.class, EventProcessingModule::new)
            .withBean(Serializer.class, JacksonSerializer::defaultSerializer);

    @Test
    void aServiceGetsTheAdminApiTheHealthIndicatorAndTheGauges() {
        service.run(context -> {
            assertThat(context).hasSingleBean(ProcessorAdminController.class);
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
    void withTheAdminApiOffTheProcessorsStillShowInHealthAndGauges() {
        service.withPropertyValues("orderflow.admin.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ProcessorAdminController.class);
            assertThat(context).doesNotHaveBean(EventInspectionController.class);
            assertThat(context.getBean(HEALTH)).isInstanceOf(ProcessorHealthIndicator.class);
            assertThat(context).hasSingleBean(EventProcessorMetrics.class);
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
