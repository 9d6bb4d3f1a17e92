package dev.orderflow.console.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The overview's charts: every few seconds, the rates of commands, appended events and queries and the mean
 * latencies of command and event handlers, worked out from the meters Axon's Micrometer module keeps (dimensional:
 * {@code commandBus.*}, {@code eventStore.*}, {@code queryBus.*}, {@code eventProcessor.*}, summed over their
 * tags). The last {@value #KEPT} samples are kept, in memory: the charts show the last minutes since the start.
 */
public class ConsoleMetrics implements DisposableBean {

    static final int KEPT = 60;
    static final Duration INTERVAL = Duration.ofSeconds(5);

    /** What one chart draws: a rate from a counter, or a mean latency from a timer. */
    enum Series {
        COMMANDS("Commands", "/s", "commandBus.processedCounter", false),
        EVENTS("Events appended", "/s", "eventStore.ingestedCounter", false),
        QUERIES("Queries", "/s", "queryBus.processedCounter", false),
        COMMAND_LATENCY("Command handling", "ms", "commandBus.allTimer", true),
        EVENT_LATENCY("Event handling", "ms", "eventProcessor.allTimer", true);

        final String label;
        final String unit;
        final String meter;
        final boolean latency;

        Series(String label, String unit, String meter, boolean latency) {
            this.label = label;
            this.unit = unit;
            this.meter = meter;
            this.latency = latency;
        }
    }

    /** A meter's totals at one moment: its count, and for a timer its total time. */
    record Totals(double count, double totalMillis) {
    }

    private final Supplier<MeterRegistry> registry;
    private final Deque<double[]> samples = new ArrayDeque<>();
    private Totals[] last;
    private long lastNanos;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-metrics");
        thread.setDaemon(true);
        return thread;
    });

    /** @param registry the service's meters; null while (or where) it has none */
    public ConsoleMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
        sampler.scheduleAtFixedRate(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One chart per series, oldest sample first. */
    public synchronized List<Sparkline> charts() {
        List<Sparkline> charts = new ArrayList<>();
        for (Series series : Series.values()) {
            List<Double> values = samples.stream().map(sample -> sample[series.ordinal()]).toList();
            charts.add(Sparkline.of(series.label, series.unit, values));
        }
        return charts;
    }

    synchronized void sample() {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return;
        }
        long now = System.nanoTime();
        Totals[] current = new Totals[Series.values().length];
        for (Series series : Series.values()) {
            current[series.ordinal()] = totals(meters, series);
        }
        if (last != null) {
            double seconds = (now - lastNanos) / 1e9;
            double[] sample = new double[current.length];
            for (Series series : Series.values()) {
                sample[series.ordinal()] = change(series, last[series.ordinal()], current[series.ordinal()], seconds);
            }
            samples.addLast(sample);
            if (samples.size() > KEPT) {
                samples.removeFirst();
            }
        }
        last = current;
        lastNanos = now;
    }

    /** Per second for a rate; the mean of the interval's handlings for a latency (0 without any). */
    static double change(Series series, Totals before, Totals after, double seconds) {
        double count = Math.max(0, after.count() - before.count());
        if (series.latency) {
            return count == 0 ? 0 : Math.max(0, after.totalMillis() - before.totalMillis()) / count;
        }
        return seconds <= 0 ? 0 : count / seconds;
    }

    private static Totals totals(MeterRegistry registry, Series series) {
        if (series.latency) {
            double count = 0;
            double millis = 0;
            for (Timer timer : registry.find(series.meter).timers()) {
                count += timer.count();
                millis += timer.totalTime(TimeUnit.MILLISECONDS);
            }
            return new Totals(count, millis);
        }
        return new Totals(registry.find(series.meter).counters().stream().mapToDouble(Counter::count).sum(), 0);
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
    }
}
