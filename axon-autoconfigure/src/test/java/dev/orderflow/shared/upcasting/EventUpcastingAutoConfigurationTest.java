package dev.orderflow.shared.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service gets the chain of Orderflow's upcasters, beside any upcaster of its own. */
class EventUpcastingAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventUpcastingAutoConfiguration.class));

    @Test
    void theChainOfOrderflowsUpcastersIsABean() {
        service.run(context -> assertThat(context).getBean("orderflowEventUpcasters")
                .isInstanceOf(EventUpcasterChain.class));
    }

    @Test
    void aServicesOwnUpcasterComesBesideOurs() {
        EventUpcaster own = events -> events;

        service.withBean("ownUpcaster", EventUpcaster.class, () -> own)
                .run(context -> assertThat(context.getBeansOfType(EventUpcaster.class))
                        .containsKeys("orderflowEventUpcasters", "ownUpcaster"));
    }
}
