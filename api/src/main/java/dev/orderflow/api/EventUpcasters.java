package dev.orderflow.api;

import dev.orderflow.api.inventory.ProductAddedEventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;

/**
 * Every upcaster of Orderflow's events, in the order they apply. Each upcaster sits beside the event it upcasts;
 * this list is the one place that names them all, and every service reads stored events through it. Steps of one
 * event go in revision order (1 to 2 before 2 to 3). How to add one: docs/event-evolution.md.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static List<EventUpcaster> inOrder() {
        return List.of(new ProductAddedEventUpcaster());
    }

    /** The steps as one upcaster, as Axon's configuration takes it. */
    public static EventUpcaster chain() {
        return new EventUpcasterChain(inOrder());
    }
}
