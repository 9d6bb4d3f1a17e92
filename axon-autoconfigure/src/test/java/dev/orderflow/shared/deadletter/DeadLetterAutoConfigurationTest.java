package dev.orderflow.shared.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Dead letters exist for the groups a service names, can be turned off, and take a service's own policy. */
class DeadLetterAutoConfigurationTest {

    private static final String HEALTH = "deadLettersHealthIndicator";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DeadLetterAutoConfiguration.class))
            .withBean(EventProcessingConfiguration.class, EventProcessingModule::new)
            // Nothing is parked in these tests: the transaction manager never connects.
            .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(
                    new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none")));

    @Test
    void theGroupsAServiceNamesGetDeadLettersTheirAdminAndHealth() {
        service.withBean(DeadLetteringGroups.class, () -> DeadLetteringGroups.of("order-history"))
                .run(context -> {
                    assertThat(context).hasSingleBean(DeadLetterPolicy.class).hasSingleBean(DeadLetterAdmin.class)
                            .hasSingleBean(FlushingEventHandlerEnhancer.class).hasBean(HEALTH);
                    assertThat(context.getBean(DeadLetterAdmin.class).processingGroups()).containsExactly("order-history");
                });
    }

    @Test
    void aServiceThatNamesNoGroupHasNoDeadLetters() {
        service.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(DeadLetterAdmin.class).doesNotHaveBean(DeadLetterPolicy.class));
    }

    @Test
    void deadLettersCanBeTurnedOff() {
        service.withBean(DeadLetteringGroups.class, () -> DeadLetteringGroups.of("order-history"))
                .withPropertyValues("orderflow.dead-letters.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DeadLetterAdmin.class).doesNotHaveBean(HEALTH));
    }

    @Test
    void aServicesOwnPolicyReplacesOurs() {
        DeadLetterPolicy own = new DeadLetterPolicy();

        service.withBean(DeadLetteringGroups.class, () -> DeadLetteringGroups.of("order-history"))
                .withBean(DeadLetterPolicy.class, () -> own)
                .run(context -> assertThat(context).getBean(DeadLetterPolicy.class).isSameAs(own));
    }
}
