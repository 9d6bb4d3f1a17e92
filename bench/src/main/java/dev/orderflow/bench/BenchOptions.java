package dev.orderflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one benchmark run does, from its command line. Every size has a default that finishes in a few
 * minutes on 2 cores; {@code --quick} shrinks them all to finish in about a minute; an explicit option wins
 * over both, wherever it stands on the line.
 *
 * @param commands             commands per throughput run (scenario 1 and 5), per client count and variant
 * @param warmup               commands sent before scenario 1 measures anything (not counted)
 * @param clients              the concurrent client counts of scenario 1 and 5
 * @param syncCommitClients    the client counts scenario 1 measures again with the server's {@code synchronous_commit}
 *                             switched to the other setting (off against on); empty: not switched
 * @param products             the aggregates scenario 1 spreads its commands over
 * @param stream               commands on one aggregate in scenario 2
 * @param orders               orders placed in scenario 4
 * @param orderWarmup          orders placed the same way before scenario 4 measures (not counted): the standalone's
 *                             code is compiled by then, so the figures are those of a warm system
 * @param orderClients         clients placing them concurrently, each waiting for its order to be confirmed
 * @param instances            standalone JVMs on the one database that scenario 4 spreads its orders over
 * @param replayEvents         events in the store when scenario 3 replays it (the bench loads the rest)
 * @param defaultsReplayEvents events in the store when scenario 5 replays it with Axon's defaults
 * @param scenarios            which of scenarios 1 to 5 run (6, memory, is always read)
 * @param standaloneJar        the standalone module's Spring Boot jar
 * @param agentJar             the bench's agent jar, loaded into the standalone beside it
 * @param out                  where the table, JSON, chart, profile and logs go
 * @param heap                 the standalone's maximum heap ({@code -Xmx})
 * @param profile              record a JFR profile of the standalone and summarize it per step (not with --quick)
 * @param nativeMemory         start the standalone with native memory tracking and keep {@code jcmd}'s summary of it
 *                             when ready and at the end of each process (scenario 6's breakdown)
 * @param dbUrl                an external Postgres to use (from {@code ORDERFLOW_DB_URL}); null starts an embedded one
 */
public record BenchOptions(boolean quick, int commands, int warmup, List<Integer> clients,
                           List<Integer> syncCommitClients, int products, int stream,
                           int orders, int orderWarmup, int orderClients, int instances, long replayEvents, long defaultsReplayEvents,
                           Set<Integer> scenarios, Path standaloneJar, Path agentJar, Path out, String heap,
                           boolean profile, boolean nativeMemory, String dbUrl, String dbUser, String dbPassword) {

    static final String USAGE = """
            Usage: scripts/bench.sh [--quick] [--option=value ...]

              --quick                     every size small: the whole run in about a minute
              --commands=N                commands per throughput run (default 2000, quick 100)
              --warmup=N                  commands before measuring (default 1000, quick 50)
              --clients=1,8,32            concurrent clients of the throughput runs
              --sync-commit-clients=8     client counts scenario 1 measures again with the server's synchronous_commit
                                          switched to the other setting (off / on); none: not switched
              --products=N                aggregates the throughput runs spread over (default 1000, quick 50)
              --stream=N                  commands on one aggregate (default 10000, quick 300)
              --orders=N                  orders through the saga (default 500, quick 32)
              --order-warmup=N            orders through the saga before measuring, not counted (default 300, quick 16)
              --order-clients=N           clients placing them, each waiting for its order (default 32, quick 16)
              --instances=N               standalones on the one database for those orders, 1 to 4 (default 1):
                                          each order is placed on one and read back from the next
              --replay-events=N           events to replay with Orderflow's settings (default 1000000, quick 10000)
              --defaults-replay-events=N  events to replay with Axon's defaults (default 20000, quick 1000)
              --scenarios=1,2,3,4,5       which scenarios run (6, peak memory, always)
              --standalone-jar=PATH       default standalone/target/standalone-0.1.0-SNAPSHOT.jar
              --agent-jar=PATH            default bench/target/bench-0.1.0-SNAPSHOT-agent.jar
              --out=DIR                   default bench/target/results
              --heap=SIZE                 the standalone's -Xmx (default 256m: its peak RSS then stays under the
                                          768 MiB limit; with 512m or 1g the heap grows past it)
              --no-profile, --profile     without / with a JFR profile of the standalone (default with, quick without)
              --native-memory             track the standalone's native memory (-XX:NativeMemoryTracking=summary) and
                                          write jcmd's summary when ready and at its end (nmt-*.txt, results.json)
              --db-url=JDBC_URL           an existing Postgres (default: $ORDERFLOW_DB_URL, else an embedded one);
                                          the bench creates and drops its own databases there
              --db-user=USER --db-password=PASSWORD   (default $ORDERFLOW_DB_USER / $ORDERFLOW_DB_PASSWORD, postgres)
            """;

    /** The standalone's default -Xmx: the largest tried that keeps its peak RSS within scenario 6's limit. */
    static final String DEFAULT_HEAP = "256m";

    /** Each instance is a JVM with a heap of its own: four already crowd the 2-core machine the sizes are made for. */
    static final int MAX_INSTANCES = 4;

    private static final Set<String> FLAGS = Set.of("quick", "no-profile", "profile", "native-memory", "help");

    public int streamWindow() {
        return Math.max(1, stream / 10);
    }

    public boolean runs(int scenario) {
        return scenarios.contains(scenario);
    }

    /**
     * @param environment where {@code ORDERFLOW_DB_URL}, {@code _USER} and {@code _PASSWORD} are read
     * @throws IllegalArgumentException for an unknown option or a value out of range, with the reason
     */
    public static BenchOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --name=value");
            }
            String body = arg.substring(2);
            int equals = body.indexOf('=');
            String name = equals < 0 ? body : body.substring(0, equals);
            String value = equals < 0 ? null : body.substring(equals + 1);
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("--" + name + " takes no value");
                }
                value = "true";
            } else if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=...");
            }
            given.put(name, value);
        }
        if (given.containsKey("help")) {
            throw new HelpRequested();
        }
        boolean quick = given.containsKey("quick");
        Options options = new Options(given);
        BenchOptions parsed = new BenchOptions(
                quick,
                options.positiveInt("commands", quick ? 100 : 2000),
                options.nonNegativeInt("warmup", quick ? 50 : 1000),
                options.positiveInts("clients", List.of(1, 8, 32)),
                options.positiveIntsOrNone("sync-commit-clients", List.of(8)),
                options.positiveInt("products", quick ? 50 : 1000),
                options.positiveInt("stream", quick ? 300 : 10_000),
                options.positiveInt("orders", quick ? 32 : 500),
                options.nonNegativeInt("order-warmup", quick ? 16 : 300),
                options.positiveInt("order-clients", quick ? 16 : 32),
                options.positiveInt("instances", 1),
                options.positiveLong("replay-events", quick ? 10_000 : 1_000_000),
                options.positiveLong("defaults-replay-events", quick ? 1_000 : 20_000),
                new TreeSet<>(options.positiveInts("scenarios", List.of(1, 2, 3, 4, 5))),
                Path.of(options.text("standalone-jar", "standalone/target/standalone-0.1.0-SNAPSHOT.jar")),
                Path.of(options.text("agent-jar", "bench/target/bench-0.1.0-SNAPSHOT-agent.jar")),
                Path.of(options.text("out", "bench/target/results")),
                // The JVM takes some 350 MiB besides its heap, so a heap that grows past about 300 MiB takes the
                // process past scenario 6's 768 MiB: 883 MiB with 1g, 820 with 512m, 739 with 256m, for about 1 % more
                // time in GC pauses (docs/benchmarks.md, "Memory").
                options.text("heap", DEFAULT_HEAP),
                given.containsKey("profile") || !(quick || given.containsKey("no-profile")),
                given.containsKey("native-memory"),
                options.text("db-url", blankToNull(environment.get("ORDERFLOW_DB_URL"))),
                options.text("db-user", orElse(environment.get("ORDERFLOW_DB_USER"), "postgres")),
                options.text("db-password", orElse(environment.get("ORDERFLOW_DB_PASSWORD"), "postgres")));
        options.rejectUnknown();
        if (!parsed.heap().matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--heap must look like 512m or 2g, was " + parsed.heap());
        }
        if (parsed.instances() > MAX_INSTANCES) {
            throw new IllegalArgumentException("--instances is at most " + MAX_INSTANCES + ", was " + parsed.instances());
        }
        for (int scenario : parsed.scenarios()) {
            if (scenario > 5) {
                throw new IllegalArgumentException("--scenarios lists numbers from 1 to 5, was " + scenario);
            }
        }
        if (parsed.runs(5) && !parsed.runs(1) && !parsed.runs(3)) {
            throw new IllegalArgumentException("scenario 5 repeats scenarios 1 and 3: run at least one of them too");
        }
        return parsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code --help} was asked: print {@link #USAGE}. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help requested", null, false, false);
        }
    }

    /** The given options, each read once; whatever is left over was not understood. */
    private static final class Options {

        private final Map<String, String> given;
        private final Set<String> read = new TreeSet<>(FLAGS);

        Options(Map<String, String> given) {
            this.given = given;
        }

        String text(String name, String fallback) {
            read.add(name);
            return given.getOrDefault(name, fallback);
        }

        int positiveInt(String name, int fallback) {
            long value = positiveLong(name, fallback);
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--" + name + " is too large: " + value);
            }
            return (int) value;
        }

        int nonNegativeInt(String name, int fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            int parsed = integer(name, value);
            if (parsed < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative, was " + value);
            }
            return parsed;
        }

        long positiveLong(String name, long fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            long parsed;
            try {
                parsed = Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
            }
            if (parsed < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1, was " + value);
            }
            return parsed;
        }

        List<Integer> positiveInts(String name, List<Integer> fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            List<Integer> values = new ArrayList<>();
            for (String part : Arrays.stream(value.split(",")).map(String::trim).toList()) {
                int parsed = integer(name, part);
                if (parsed < 1) {
                    throw new IllegalArgumentException("--" + name + " lists numbers of at least 1, was " + part);
                }
                if (!values.contains(parsed)) {
                    values.add(parsed);
                }
            }
            return List.copyOf(values);
        }

        /** A list as {@link #positiveInts}, or "none" for an empty one. */
        List<Integer> positiveIntsOrNone(String name, List<Integer> fallback) {
            if ("none".equals(given.get(name))) {
                read.add(name);
                return List.of();
            }
            return positiveInts(name, fallback);
        }

        private static int integer(String name, String value) {
            try {
                return Integer.parseInt(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
            }
        }

        void rejectUnknown() {
            List<String> unknown = given.keySet().stream().filter(name -> !read.contains(name)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown option" + (unknown.size() > 1 ? "s" : "") + ": --"
                        + String.join(", --", unknown));
            }
        }
    }
}
