package dev.orderflow.shared.distributed;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed wiring exists only with Axon Server on. Its beans are defined, not built (lazily): building them
 * takes Axon's whole configuration, which the distributed tests run for real.
 */
class DistributedAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DistributedAutoConfiguration.class))
            .withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()));

    @Test
    void withAxonServerOnRefusalsKeepTheirKindAndSegmentsTheirOwner() {
        service.withPropertyValues("axon.axonserver.enabled=true").run(context -> assertThat(
                context.getBeanFactory().getBeanDefinitionNames()).contains("refusalKindInterceptor", "commandBus", "tokenStore"));
    }

    @Test
    void inTheEmbeddedModeNoneOfItExists() {
        service.withPropertyValues("axon.axonserver.enabled=false").run(context -> assertThat(
                context.getBeanFactory().getBeanDefinitionNames()).doesNotContain("refusalKindInterceptor", "commandBus", "tokenStore"));
    }
}
