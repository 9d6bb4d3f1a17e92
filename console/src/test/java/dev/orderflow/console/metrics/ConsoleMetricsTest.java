package dev.orderflow.console.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConsoleMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsoleMetrics metrics = new ConsoleMetrics(() -> registry);

    @AfterEach
    void stop() {
        metrics.destroy();
    }

    @Test
    void ratesAreSummedOverTagsAndLatenciesAreTheMeanOfTheInterval() {
        metrics.sample();
        registry.counter("commandBus.processedCounter", Tags.of("payloadType", "PlaceOrderCommand")).increment(30);
        registry.counter("commandBus.processedCounter", Tags.of("payloadType", "RestockCommand")).increment(20);
        registry.timer("commandBus.allTimer").record(Duration.ofMillis(10));
        registry.timer("commandBus.allTimer").record(Duration.ofMillis(30));

        metrics.sample();

        List<Sparkline> charts = metrics.charts();
        Sparkline commands = charts.get(0);
        assertThat(commands.label()).isEqualTo("Commands");
        assertThat(commands.latest()).as("50 commands over the moments between the samples").isPositive();
        assertThat(charts.get(3).label()).isEqualTo("Command handling");
        assertThat(charts.get(3).latest()).isCloseTo(20.0, within(0.001));
        assertThat(charts.get(1).latest()).as("no event appended").isZero();
        assertThat(charts.get(5).label()).startsWith("Slowest command");
        assertThat(charts.get(5).latest()).as("the slowest of the two").isCloseTo(30.0, within(0.001));
    }

    @Test
    void theSlowestHandlingIsTheHighestOfEveryTimersRecentMaximum() {
        registry.timer("eventProcessor.allTimer", Tags.of("processor", "order-history")).record(Duration.ofMillis(4));
        registry.timer("eventProcessor.allTimer", Tags.of("processor", "catalogue")).record(Duration.ofMillis(90));
        metrics.sample();
        metrics.sample();

        assertThat(metrics.charts().get(6).latest()).isCloseTo(90.0, within(0.001));
        assertThat(metrics.charts().get(4).latest()).as("no handling between the samples").isZero();
    }

    @Test
    void aRateIsTheChangeOverTheSecondsBetweenSamples() {
        double rate = ConsoleMetrics.change(ConsoleMetrics.Series.COMMANDS,
                new ConsoleMetrics.Totals(100, 0, 0), new ConsoleMetrics.Totals(150, 0, 0), 5);
        double idleLatency = ConsoleMetrics.change(ConsoleMetrics.Series.EVENT_LATENCY,
                new ConsoleMetrics.Totals(7, 70, 12), new ConsoleMetrics.Totals(7, 70, 12), 5);

        assertThat(rate).isEqualTo(10.0);
        assertThat(idleLatency).isZero();
    }

    @Test
    void withoutARegistryThereIsNothingToDraw() {
        ConsoleMetrics unmeasured = new ConsoleMetrics(() -> null);
        unmeasured.sample();
        unmeasured.sample();

        assertThat(unmeasured.charts().get(0).latest()).isNull();
        unmeasured.destroy();
    }

    @Test
    void onlyTheNewestSamplesAreKept() {
        for (int i = 0; i <= ConsoleMetrics.KEPT + 5; i++) {
            metrics.sample();
        }

        assertThat(metrics.charts().get(0).points().split(" ")).hasSize(ConsoleMetrics.KEPT);
    }
}
