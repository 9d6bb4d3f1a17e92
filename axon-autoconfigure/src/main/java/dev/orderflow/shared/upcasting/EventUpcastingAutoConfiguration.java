package dev.orderflow.shared.upcasting;

import dev.orderflow.api.EventUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link EventUpcasters}, the chain of every upcaster of Orderflow's events, with Axon. Axon's Spring Boot
 * starter hands every {@link EventUpcaster} bean to the configuration's upcaster chain, and that chain is what both
 * event stores read with: the JPA storage engine of the embedded mode and Axon Server's event store of the
 * distributed mode. So an upcaster applies to every service, command side (aggregates loading), query side
 * (projections, replays) and saga coordinator alike.
 */
@AutoConfiguration
public class EventUpcastingAutoConfiguration {

    @Bean
    EventUpcaster orderflowEventUpcasters() {
        return EventUpcasters.chain();
    }
}
