package dev.orderflow.command.support;

import dev.orderflow.api.inventory.ProductAddedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A projection whose handler fails a chosen number of times for a chosen product, as a read model's database might. */
@ProcessingGroup("flaky-test-projection")
public class FlakyProjection {

    private final Map<UUID, AtomicInteger> failuresToGo = new ConcurrentHashMap<>();
    private final List<UUID> handled = new CopyOnWriteArrayList<>();

    public void failTimes(UUID productId, int times) {
        failuresToGo.put(productId, new AtomicInteger(times));
    }

    public int failuresLeft(UUID productId) {
        return failuresToGo.get(productId).get();
    }

    public List<UUID> handled() {
        return handled;
    }

    @EventHandler
    void on(ProductAddedEvent event) {
        AtomicInteger failures = failuresToGo.get(event.productId());
        if (failures != null && failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the read model's database is away");
        }
        handled.add(event.productId());
    }
}
