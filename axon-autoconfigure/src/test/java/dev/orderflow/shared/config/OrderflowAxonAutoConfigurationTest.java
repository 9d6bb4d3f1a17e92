package dev.orderflow.shared.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's mapper is the messages' own and stays out of the way of Spring's; processors get Orderflow's defaults. */
class OrderflowAxonAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrderflowAxonAutoConfiguration.class));

    @Test
    void axonsMapperToleratesUnknownFieldsAndIsNoCandidateForOthers() {
        service.run(context -> {
            ObjectMapper axons = context.getBean("defaultAxonObjectMapper", ObjectMapper.class);
            assertThat(axons.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
            assertThat(context.getBeanFactory().getBeanDefinition("defaultAxonObjectMapper").isAutowireCandidate())
                    .as("by type, everything else gets Spring's strict mapper").isFalse();
        });
    }

    @Test
    void processorsGetOrderflowsDefaults() {
        service.run(context -> assertThat(context).getBean("orderflowEventProcessingDefaults")
                .isInstanceOf(ConfigurerModule.class));
    }
}
