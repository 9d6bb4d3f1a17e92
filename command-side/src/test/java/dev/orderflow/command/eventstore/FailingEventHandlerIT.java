package dev.orderflow.command.eventstore;

import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.FlakyProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An event handler that fails does not lose the event: its processor stops on it and retries until it succeeds. */
@CommandSideIntegrationTest
class FailingEventHandlerIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    FlakyProjection projection;

    @Test
    void anEventWhoseHandlerFailsIsRetriedInsteadOfSkipped() {
        UUID flaky = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        projection.failTimes(flaky, 2);

        commands.sendAndWait(new AddProductCommand(flaky, "Fails twice", Money.of("1"), 1));
        commands.sendAndWait(new AddProductCommand(other, "Another product", Money.of("1"), 1));

        // Other aggregates' events flow meanwhile (another segment); the failing one is retried, never dropped.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(projection.handled()).contains(flaky, other));
        assertThat(projection.failuresLeft(flaky)).isZero();
        assertThat(projection.handled()).containsOnlyOnce(flaky, other);
    }
}
