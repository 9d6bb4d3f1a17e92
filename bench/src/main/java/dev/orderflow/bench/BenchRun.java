package dev.orderflow.bench;

import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.system.CpuMeter;
import dev.orderflow.bench.system.Postgres;
import dev.orderflow.bench.system.MeasuredStandalone;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What a benchmark run knows as it goes: its options, the Postgres it measures on, the standalone running
 * now, the figures so far, and every measured step with the CPU it took (for the report and the profile).
 */
final class BenchRun {

    /** The configuration a standalone runs with. */
    enum Setup {
        ORDERFLOW("Orderflow settings"), AXON_DEFAULTS("Axon defaults");

        final String label;

        Setup(String label) {
            this.label = label;
        }
    }

    /** One measured step: when it ran, on which standalone, and where the CPU went meanwhile. */
    record Step(String name, Setup setup, Instant start, Instant end, CpuMeter.Use cpu) {
    }

    static final double IDLE_CORES = 0.25;
    static final long SETTLE_MAX_SECONDS = 10;

    final BenchOptions options;
    final Postgres postgres;
    final long postmasterPid;
    final List<Figure> figures = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final Map<String, Object> series = new LinkedHashMap<>();
    final Map<String, Object> facts = new LinkedHashMap<>();
    /** Figures of the Orderflow run that the Axon-defaults run is set against, by key. */
    final Map<String, Double> reference = new LinkedHashMap<>();
    private final CpuMeter cpu;
    private MeasuredStandalone standalone;
    private Setup setup;
    private HttpApi api;
    /** Instances started beside the standalone (scenario 4 with {@code --instances}), on its database. */
    private List<MeasuredStandalone> others = List.of();
    private List<HttpApi> otherApis = List.of();

    BenchRun(BenchOptions options, Postgres postgres) {
        this.options = options;
        this.postgres = postgres;
        this.postmasterPid = postgres.localPostmasterPid();
        this.cpu = new CpuMeter(() -> instances().stream().map(MeasuredStandalone::pid).toList(), postmasterPid);
    }

    void use(MeasuredStandalone standalone, Setup setup) {
        this.standalone = standalone;
        this.setup = setup;
        this.api = standalone == null ? null : new HttpApi(standalone.baseUri());
        alongside(List.of());
    }

    /** The instances running beside the standalone from now on (none to end that); the CPU meter counts them too. */
    void alongside(List<MeasuredStandalone> others) {
        this.others = List.copyOf(others);
        this.otherApis = others.stream().map(other -> new HttpApi(other.baseUri())).toList();
    }

    /** Every instance running: the standalone first, then those beside it. */
    List<MeasuredStandalone> instances() {
        List<MeasuredStandalone> all = new ArrayList<>();
        if (standalone != null) {
            all.add(standalone);
            all.addAll(others);
        }
        return all;
    }

    /** The HTTP API of each instance, in the order of {@link #instances()}. */
    List<HttpApi> instanceApis() {
        List<HttpApi> all = new ArrayList<>();
        if (api != null) {
            all.add(api);
            all.addAll(otherApis);
        }
        return all;
    }

    MeasuredStandalone standalone() {
        return standalone;
    }

    Setup setup() {
        return setup;
    }

    HttpApi api() {
        return api;
    }

    /** Waits (at most {@value #SETTLE_MAX_SECONDS} s; not at all when quick) until the standalone uses under {@value #IDLE_CORES} of a core. */
    void settle() {
        if (options.quick()) {
            return;
        }
        long deadline = System.nanoTime() + SETTLE_MAX_SECONDS * 1_000_000_000L;
        try {
            while (standalone != null && System.nanoTime() < deadline && cpu.standaloneCoresNow(200) > IDLE_CORES) {
                // still busy with what the last step left behind
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path out() {
        return options.out();
    }

    void add(Figure figure) {
        figures.add(figure);
        Progress.say(String.format("  %d  %-44s %s", figure.scenario(), figure.name(),
                dev.orderflow.bench.report.Format.withUnit(figure.value(), figure.unit())
                        + "  (baseline " + dev.orderflow.bench.report.Format.withUnit(figure.baseline(), figure.unit())
                        + ", " + dev.orderflow.bench.report.Format.ratioText(figure.ratio()) + ")"));
    }

    /**
     * Runs a measured step, noting its time window and the CPU each process used in it. It starts once the
     * standalone has finished what earlier steps left it (projections catching up, say), so that no step pays
     * for the one before.
     */
    <T> T step(String name, Callable<T> body) {
        settle();
        CpuMeter.Mark before = cpu.mark();
        Instant start = Instant.now();
        try {
            return body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
        } finally {
            steps.add(new Step(name, setup, start, Instant.now(), before.until(cpu.mark())));
        }
    }
}
