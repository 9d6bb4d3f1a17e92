package dev.orderflow.bench;

import dev.orderflow.bench.agent.AxonDefaultTables;
import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.report.Format;
import dev.orderflow.bench.report.ResultTable;
import dev.orderflow.bench.system.Postgres;
import dev.orderflow.bench.system.MeasuredStandalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: starts (or connects to) Postgres, runs the real standalone system on it with Orderflow's
 * settings and then with Axon's out-of-the-box settings, drives the scenarios, and prints and writes every
 * figure beside its raw-JDBC baseline. See docs/benchmarks.md.
 */
public final class BenchMain {

    static final String ORDERFLOW_DATABASE = "bench_orderflow";
    static final String DEFAULTS_DATABASE = "bench_axon_defaults";

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        } catch (BenchOptions.HelpRequested e) {
            System.out.print(BenchOptions.usage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.usage());
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (Exception e) {
            System.out.println();
            System.err.println("bench: FAILED: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(BenchOptions options) throws Exception {
        Instant started = Instant.now();
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out);
        System.out.println("Orderflow benchmark" + (options.quick() ? " (quick)" : "") + ": results in " + out);
        try (Postgres postgres = options.dbUrl() == null ? Postgres.embedded()
                : Postgres.external(options.dbUrl(), options.dbUser(), options.dbPassword())) {
            BenchRun run = new BenchRun(options, postgres);
            Map<String, Object> machine = Machine.describe(postgres);
            machine.forEach((name, value) -> System.out.println("  " + name + ": " + value));
            Map<String, Object> memory = new LinkedHashMap<>();

            if (options.runs(1) || options.runs(2) || options.runs(3) || options.runs(4)) {
                postgres.recreate(ORDERFLOW_DATABASE);
                List<String> processors = runOrderflow(run, memory);
                run.facts.put("streamingProcessors", processors);
            }
            if (options.runs(5)) {
                postgres.recreate(DEFAULTS_DATABASE);
                runAxonDefaults(run, memory);
            }

            run.figures.sort(Comparator.comparingInt(Figure::scenario));
            String table = ResultTable.render(run.figures);
            List<String> notMeasured = notMeasured(run.facts);
            if (!notMeasured.isEmpty()) {
                table += "\n" + String.join("\n", notMeasured) + "\n";
            }
            String cpu = Report.cpuTable(run.steps);
            if (options.instances() > 1 && options.runs(4)) {
                cpu += "Standalone: every instance together in the steps that name " + options.instances()
                        + " instances.\n";
            }
            System.out.println();
            System.out.println(table);
            System.out.println("Where the CPU went (cores used on average; the machine has "
                    + Runtime.getRuntime().availableProcessors() + "):");
            System.out.println(cpu);
            Report.write(out, options, machine, run, memory, table, cpu, started);
            if (options.profile()) {
                System.out.println("Where the standalone's CPU went (its busiest threads, in cores; JFR's CPU samples by "
                        + "library and method, first frame outside the JDK; details in profile.txt):");
                if (options.instances() > 1 && options.runs(4)) {
                    System.out.println("(In the steps that name " + options.instances() + " instances the threads are "
                            + "every instance's, the later ones' named so; JFR recorded the first instance only.)");
                }
                System.out.println(Profiles.summarize(out, run.steps));
            }
            System.out.println("Written: " + out.resolve("results.json") + ", " + out.resolve("results.md") + ", "
                    + out.resolve("results.png") + (options.profile() ? ", " + out.resolve("profile.txt") : ""));
            System.out.printf("Done in %s s.%n", Format.count(Duration.between(started, Instant.now()).toSeconds()));
        }
    }

    /** Scenario 1's setting that could not be measured, if any, said again beside the table. */
    static List<String> notMeasured(Map<String, Object> facts) {
        List<String> lines = new ArrayList<>();
        for (String setup : List.of("orderflow", "axonDefaults")) {
            if (facts.get(setup + ".synchronousCommit") instanceof Map<?, ?> sync
                    && sync.get("notMeasured") instanceof Map<?, ?> missing) {
                lines.add("NOT MEASURED: scenario " + (setup.equals("orderflow") ? 1 : 5) + " with synchronous_commit="
                        + missing.get("synchronousCommit") + ": " + missing.get("why"));
            }
        }
        return lines;
    }

    /** Scenarios 1 to 4 (and 6) on the standalone with Orderflow's settings; answers its streaming processors. */
    private static List<String> runOrderflow(BenchRun run, Map<String, Object> memory) throws Exception {
        BenchOptions options = run.options;
        List<String> processors = new ArrayList<>();
        System.out.println();
        System.out.println("== Standalone with Orderflow's settings");
        Lives lives = new Lives(run, BenchRun.Setup.ORDERFLOW, "orderflow", ORDERFLOW_DATABASE, List.of());
        try {
            lives.start();
            for (var processor : run.api().getJson("/admin/processors")) {
                if (!processor.path("mode").asText().equals("SUBSCRIBING")) {
                    processors.add(processor.path("name").asText());
                }
            }
            if (options.runs(1)) {
                section("1 Command throughput");
                CommandThroughput.run(run, ORDERFLOW_DATABASE, "axon");
            }
            if (options.runs(2)) {
                section("2 Long stream on one aggregate");
                LongStream.run(run, ORDERFLOW_DATABASE);
            }
            if (options.runs(4)) {
                section("4 Saga: orders to CONFIRMED");
                lives.withInstances(options.instances(), () -> SagaConvergence.run(run, ORDERFLOW_DATABASE));
            }
            if (options.runs(3)) {
                section("3 Replay of the order history");
                if (Replay.load(run, ORDERFLOW_DATABASE, "axon", options.replayEvents())) {
                    lives.restart();
                }
                Replay.measure(run, ORDERFLOW_DATABASE, "axon");
            }
            lives.stop();
            lives.record(memory);
        } finally {
            lives.stop();
        }
        return processors;
    }

    /** Scenario 5: scenarios 1 and 3 again on the standalone with Axon's out-of-the-box settings. */
    private static void runAxonDefaults(BenchRun run, Map<String, Object> memory) throws Exception {
        BenchOptions options = run.options;
        System.out.println();
        System.out.println("== Standalone with Axon's defaults");
        try (Connection connection = run.postgres.connect(DEFAULTS_DATABASE);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + AxonDefaultTables.SCHEMA);
        }
        @SuppressWarnings("unchecked")
        List<String> processors = (List<String>) run.facts.getOrDefault("streamingProcessors", List.of());
        Lives lives = new Lives(run, BenchRun.Setup.AXON_DEFAULTS, "axon-defaults", DEFAULTS_DATABASE,
                AxonDefaults.properties(processors));
        try {
            lives.start();
            run.facts.put("axonDefaultsVerified", AxonDefaults.verify(run, DEFAULTS_DATABASE));
            if (options.runs(1)) {
                section("5 Command throughput with Axon's defaults");
                CommandThroughput.run(run, DEFAULTS_DATABASE, AxonDefaultTables.SCHEMA);
            }
            if (options.runs(3)) {
                section("5 Replay with Axon's defaults");
                if (Replay.load(run, DEFAULTS_DATABASE, AxonDefaultTables.SCHEMA, options.defaultsReplayEvents())) {
                    lives.restart();
                }
                Replay.measure(run, DEFAULTS_DATABASE, AxonDefaultTables.SCHEMA);
            }
            lives.stop();
            lives.record(memory);
        } finally {
            lives.stop();
        }
    }

    /**
     * The standalone processes of one setup: usually one, two when a bulk load needs a restart (see
     * {@link Replay#EVENT_STORE_CACHE}). Scenario 6 reads their peak memory over all of them.
     */
    private static final class Lives {
        private final BenchRun run;
        private final BenchRun.Setup setup;
        private final String name;
        private final String database;
        private final List<String> properties;
        private final List<MeasuredStandalone> processes = new ArrayList<>();
        /** Native memory (jcmd's summary, committed KiB by category) of each process when ready and at its end. */
        private final Map<String, Map<String, Long>> readyMemory = new LinkedHashMap<>();
        private final Map<String, Map<String, Long>> endMemory = new LinkedHashMap<>();

        Lives(BenchRun run, BenchRun.Setup setup, String name, String database, List<String> properties) {
            this.run = run;
            this.setup = setup;
            this.name = name;
            this.database = database;
            this.properties = properties;
        }

        void start() {
            boolean first = processes.isEmpty();
            String life = first ? name : name + "-" + (processes.size() + 1);
            MeasuredStandalone standalone = BenchMain.start(run, life, database,
                    first ? properties : laterLifeProperties(properties), true);
            processes.add(standalone);
            if (run.options.nativeMemory()) {
                readyMemory.put(standalone.name(), nativeMemory(run, standalone, "ready"));
            }
            run.use(standalone, setup);
        }

        void restart() {
            Progress.say("  restarting the standalone: the event store's shared reader would otherwise read every loaded event");
            stop();
            start();
        }

        /**
         * Runs {@code body} on {@code count} instances: the running one and {@code count - 1} more started beside it
         * once it is ready (so its Flyway migrations ran once), each on a port of its own, on the same database with
         * the same properties; JFR records the first only. The others stop when the body ends, however it ends.
         */
        void withInstances(int count, ThrowingRunnable body) throws Exception {
            List<MeasuredStandalone> others = new ArrayList<>();
            try {
                for (int instance = 2; instance <= count; instance++) {
                    others.add(BenchMain.start(run, name + "-instance-" + instance, database,
                            laterLifeProperties(properties), false));
                }
                run.alongside(others);
                body.run();
            } finally {
                run.alongside(List.of());
                others.forEach(MeasuredStandalone::close);
            }
        }

        void stop() {
            if (!processes.isEmpty()) {
                MeasuredStandalone last = processes.get(processes.size() - 1);
                if (run.options.nativeMemory() && !last.closed() && !endMemory.containsKey(last.name())) {
                    endMemory.put(last.name(), nativeMemory(run, last, "end"));
                }
                last.close();
            }
            run.use(null, null);
        }

        /** Scenario 6: the peak resident memory over every life, against the memory when first ready, and the limit. */
        void record(Map<String, Object> memory) {
            double peak = processes.stream().mapToLong(MeasuredStandalone::peakRssKb).max().orElse(0) / 1024.0;
            double ready = processes.get(0).readyRssKb() / 1024.0;
            String label = setup.label + (processes.size() > 1 ? " (" + processes.size() + " processes)" : "");
            run.add(Figure.cost(6, "Peak RSS of the standalone, " + label, peak, "MiB",
                    "RSS when ready, before any load (-Xmx" + run.options.heap() + ")", ready)
                    .withNote(peakRssNote(peak)));
            List<Map<String, Object>> lives = new ArrayList<>();
            for (MeasuredStandalone process : processes) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("name", process.name());
                facts.put("peakRssMiB", process.peakRssKb() / 1024.0);
                facts.put("readyRssMiB", process.readyRssKb() / 1024.0);
                facts.put("readySeconds", process.readySeconds());
                facts.put("endRssKiB", process.endRssKb());
                if (readyMemory.containsKey(process.name())) {
                    facts.put("nativeMemoryReadyKiB", readyMemory.get(process.name()));
                }
                if (endMemory.containsKey(process.name())) {
                    facts.put("nativeMemoryEndKiB", endMemory.get(process.name()));
                    Progress.say("     " + process.name() + " at its end, committed (NMT): "
                            + nativeMemoryLine(endMemory.get(process.name())) + "; resident: " + residentLine(process.endRssKb()));
                }
                facts.put("rssSamples", process.rssSamples());
                lives.add(facts);
            }
            memory.put(setup == BenchRun.Setup.ORDERFLOW ? "orderflow" : "axonDefaults", lives);
            memory.put("peakRssLimitMiB", PEAK_RSS_LIMIT_MIB);
        }
    }

    /** Orderflow's limit on the standalone's resident memory over the whole bench. */
    static final int PEAK_RSS_LIMIT_MIB = dev.orderflow.bench.report.Chart.PEAK_RSS_LIMIT_MIB;

    /** Scenario 6's note: the limit, and whether the peak kept it. */
    static String peakRssNote(double peakMiB) {
        return peakMiB <= PEAK_RSS_LIMIT_MIB ? "within the " + PEAK_RSS_LIMIT_MIB + " MiB limit"
                : "OVER the " + PEAK_RSS_LIMIT_MIB + " MiB limit by " + Format.number(peakMiB - PEAK_RSS_LIMIT_MIB) + " MiB";
    }

    /** The biggest categories of an NMT summary, e.g. "Total 700 MiB: Java Heap 400, Class 120, Code 50, ...". */
    static String nativeMemoryLine(Map<String, Long> committedKb) {
        StringBuilder line = new StringBuilder();
        line.append("Total ").append(Format.count(committedKb.getOrDefault("Total", 0L) / 1024)).append(" MiB:");
        committedKb.entrySet().stream()
                   .filter(entry -> !entry.getKey().equals("Total"))
                   .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                   .limit(7)
                   .forEach(entry -> line.append(' ').append(entry.getKey()).append(' ')
                                         .append(Format.count(entry.getValue() / 1024)).append(','));
        line.setLength(line.length() - 1);
        return line.toString();
    }

    /** "VmRSS 700 MiB (RssAnon 640, RssFile 60, RssShmem 0)" from a process's resident memory by kind. */
    static String residentLine(Map<String, Long> rssKb) {
        return "VmRSS " + Format.count(rssKb.getOrDefault("VmRSS", 0L) / 1024) + " MiB (RssAnon "
                + Format.count(rssKb.getOrDefault("RssAnon", 0L) / 1024) + ", RssFile "
                + Format.count(rssKb.getOrDefault("RssFile", 0L) / 1024) + ", RssShmem "
                + Format.count(rssKb.getOrDefault("RssShmem", 0L) / 1024) + ")";
    }

    /** Writes jcmd's native memory summary of {@code process} beside its log; answers its committed KiB by category. */
    private static Map<String, Long> nativeMemory(BenchRun run, MeasuredStandalone process, String when) {
        String summary = process.nativeMemorySummary();
        try {
            Files.writeString(run.options.out().resolve("nmt-" + process.name() + "-" + when + ".txt"), summary);
        } catch (java.io.IOException e) {
            System.err.println("bench: could not write the native memory summary: " + e);
        }
        return MeasuredStandalone.committedKb(summary);
    }

    static final String DDL_AUTO = "spring.jpa.hibernate.ddl-auto";

    /**
     * The properties of a standalone started on a database an earlier one already set up (a restart, another
     * instance): a Hibernate {@code ddl-auto} that builds the schema becomes {@code none}, so it keeps the tables
     * and the events loaded into them instead of dropping them. Everything else stays as it was.
     */
    static List<String> laterLifeProperties(List<String> properties) {
        List<String> later = new ArrayList<>();
        for (String property : properties) {
            later.add(property.startsWith(DDL_AUTO + "=") ? DDL_AUTO + "=none" : property);
        }
        return later;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static MeasuredStandalone start(BenchRun run, String name, String database, List<String> properties,
                                           boolean observed) {
        BenchOptions options = run.options;
        // JFR and native memory tracking watch the standalone of a setup, not the extra instances beside it.
        Path jfr = observed && options.profile() ? options.out().resolve("standalone-" + name + ".jfr") : null;
        MeasuredStandalone standalone = MeasuredStandalone.start(name, options.standaloneJar(), options.agentJar(),
                options.heap(), run.postgres.url(database), run.postgres.user(), run.postgres.password(), properties,
                options.out().resolve("standalone-" + name + ".log"), jfr, options.nativeMemory() && observed);
        try (Progress progress = Progress.start("starting the standalone (" + name + ")", 0, "")) {
            standalone.awaitReady();
        } catch (RuntimeException e) {
            standalone.close();
            throw e;
        }
        Progress.say("  ready in " + Format.number(standalone.readySeconds()) + " s, pid " + standalone.pid() + ", RSS "
                + Format.number(standalone.readyRssKb() / 1024.0) + " MiB, " + standalone.baseUri());
        return standalone;
    }

    private static void section(String title) {
        Progress.say("");
        Progress.say("-- " + title);
    }

    /** The machine the figures were measured on. */
    static final class Machine {
        private Machine() {
        }

        static Map<String, Object> describe(Postgres postgres) throws Exception {
            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("memory", memTotal());
            machine.put("cpu", cpuModel());
            machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            machine.put("postgres", postgres.describe());
            return machine;
        }

        private static String memTotal() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D", ""));
                        return Format.number(kb / 1024.0 / 1024.0) + " GiB";
                    }
                }
            } catch (Exception e) {
                // not Linux
            }
            return "unknown";
        }

        private static String cpuModel() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (Exception e) {
                // not Linux
            }
            return "unknown";
        }
    }

    /** Reads one value from the database (used for checks). */
    static String single(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
