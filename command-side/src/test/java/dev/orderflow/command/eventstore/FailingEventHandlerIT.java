package dev.orderflow.command.eventstore;

import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.CommandSideApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An event handler that fails does not lose the event: its processor stops on it and retries until it succeeds. */
@SpringBootTest(classes = {CommandSideApplication.class, FailingEventHandlerIT.FlakyHandlerConfiguration.class})
class FailingEventHandlerIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    FlakyHandler handler;

    @Test
    void anEventWhoseHandlerFailsIsRetriedInsteadOfSkipped() {
        UUID flaky = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        handler.failuresToGo.put(flaky, new AtomicInteger(2));

        commands.sendAndWait(new AddProductCommand(flaky, "Fails twice", Money.of("1"), 1));
        commands.sendAndWait(new AddProductCommand(after, "Comes after", Money.of("1"), 1));

        // Other aggregates' events flow meanwhile (another segment); the failing one is retried, never dropped.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(handler.handled).contains(flaky, after));
        assertThat(handler.failuresToGo.get(flaky)).hasValue(0);
        assertThat(handler.handled).containsOnlyOnce(flaky, after);
    }

    @ProcessingGroup("flaky-test-projection")
    static class FlakyHandler {

        final Map<UUID, AtomicInteger> failuresToGo = new ConcurrentHashMap<>();
        final List<UUID> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(ProductAddedEvent event) {
            AtomicInteger failures = failuresToGo.get(event.productId());
            if (failures != null && failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("the read model's database is away");
            }
            handled.add(event.productId());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyHandlerConfiguration {
        @Bean
        FlakyHandler flakyHandler() {
            return new FlakyHandler();
        }
    }
}
