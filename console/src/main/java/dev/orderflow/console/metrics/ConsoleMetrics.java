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
 * The overview's charts: every few seconds, the rates of commands, appended events and queries, the mean
 * latencies of command and event handlers and the slowest handling of each lately, worked out from the meters Axon's Micrometer module keeps (dimensional:
 * {@code commandBus.*}, {@code eventStore.*}, {@code queryBus.*}, {@code eventProcessor.*}, summed over their
 * tags). The last {@value #KEPT} samples are kept, in memory: the charts show the last minutes since the start.
 */
public class ConsoleMetrics implements DisposableBean {

    static final int KEPT = 60;
    static final Duration INTERVAL = Duration.ofSeconds(5);

    /** How a chart's value is worked out from its meter. */
    enum Measure {
        /** A counter's change per second. */
        RATE,
        /** A timer's handlings of the interval, their mean duration. */
        MEAN,
        /** The slowest handling a timer saw lately (Micrometer keeps it over its last two minutes or so). */
        SLOWEST
    }

    /** What one chart draws. */
    enum Series {
        COMMANDS("Commands", "/s", "commandBus.processedCounter", Measure.RATE),
        EVENTS("Events appended", "/s", "eventStore.ingestedCounter", Measure.RATE),
        QUERIES("Queries", "/s", "queryBus.processedCounter", Measure.RATE),
        COMMAND_LATENCY("Command handling", "ms", "commandBus.allTimer", Measure.MEAN),
        EVENT_LATENCY("Event handling", "ms", "eventProcessor.allTimer", Measure.MEAN),
        SLOWEST_COMMAND("Slowest command", "ms", "commandBus.allTimer", Measure.SLOWEST),
        SLOWEST_EVENT("Slowest event handling", "ms", "eventProcessor.allTimer", Measure.SLOWEST);

        final String label;
        final String unit;
        final String meter;
        final Measure measure;

        Series(String label, String unit, String meter, Measure measure) {
            this.label = label;
            this.unit = unit;
            this.meter = meter;
            this.measure = measure;
        }
    }

    /** A meter's totals at one moment: its count, and for a timer its total time and its recent maximum. */
    record Totals(double count, double totalMillis, double maxMillis) {
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

    /** Per second for a rate; the mean of the interval's handlings (0 without any); the recent maximum. */
    static double change(Series series, Totals before, Totals after, double seconds) {
        double count = Math.max(0, after.count() - before.count());
        return switch (series.measure) {
            case RATE -> seconds <= 0 ? 0 : count / seconds;
            case MEAN -> count == 0 ? 0 : Math.max(0, after.totalMillis() - before.totalMillis()) / count;
            case SLOWEST -> after.maxMillis();
        };
    }

    private static Totals totals(MeterRegistry registry, Series series) {
        if (series.measure != Measure.RATE) {
            double count = 0;
            double millis = 0;
            double max = 0;
            for (Timer timer : registry.find(series.meter).timers()) {
                count += timer.count();
                millis += timer.totalTime(TimeUnit.MILLISECONDS);
                max = Math.max(max, timer.max(TimeUnit.MILLISECONDS));
            }
            return new Totals(count, millis, max);
        }
        return new Totals(registry.find(series.meter).counters().stream().mapToDouble(Counter::count).sum(), 0, 0);
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
    }
}
