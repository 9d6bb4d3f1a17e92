package dev.orderflow.shared.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The upcasters every service reads stored events through. Axon's Spring Boot starter hands every
 * {@link EventUpcaster} bean to the configuration's upcaster chain, in {@link Order} order, and that chain is
 * what both event stores read with: the JPA storage engine of the embedded mode and Axon Server's event store
 * of the distributed mode. Declared here, once, an upcaster applies to every service, command side (aggregates
 * loading), query side (projections, replays) and saga coordinator alike.
 * <p>
 * One bean per step from one revision to the next; the {@code @Order} keeps steps of one event in revision
 * order, so a revision-1 event passes 1 to 2, then 2 to 3. How to add one: docs/event-evolution.md.
 */
@AutoConfiguration
public class EventUpcastingAutoConfiguration {

    @Bean
    @Order(1)
    ProductAddedEventUpcaster productAddedEventUpcaster() {
        return new ProductAddedEventUpcaster();
    }
}
