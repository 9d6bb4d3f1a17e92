package dev.orderflow.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one benchmark run does, from its command line (read by picocli, see {@link CommandLineOptions}). Every
 * size has a default that finishes in a few minutes on 2 cores; {@code --quick} shrinks them all to finish in
 * about a minute; an explicit option wins over both, wherever it stands on the line.
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

    /** The standalone's default -Xmx: the largest tried that keeps its peak RSS within scenario 6's limit. */
    static final String DEFAULT_HEAP = "256m";

    /** Each instance is a JVM with a heap of its own: four already crowd the 2-core machine the sizes are made for. */
    static final int MAX_INSTANCES = 4;

    public int streamWindow() {
        return Math.max(1, stream / 10);
    }

    public boolean runs(int scenario) {
        return scenarios.contains(scenario);
    }

    /**
     * @param environment where {@code ORDERFLOW_DB_URL}, {@code _USER} and {@code _PASSWORD} are read
     * @throws IllegalArgumentException for an unknown option or a value out of range, with the reason
     * @throws HelpRequested            for {@code --help}
     */
    public static BenchOptions parse(String[] args, Map<String, String> environment) {
        CommandLineOptions given = new CommandLineOptions();
        CommandLine line = commandLine(given);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
        if (line.isUsageHelpRequested()) {
            throw new HelpRequested();
        }
        return given.resolve(environment);
    }

    /** What {@code --help} prints: every option with its defaults. */
    static String usage() {
        return commandLine(new CommandLineOptions()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine commandLine(CommandLineOptions options) {
        return new CommandLine(options)
                // As before picocli: an option given twice takes its last value.
                .setOverwrittenOptionsAllowed(true)
                // "@file" is no argument file here.
                .setExpandAtFiles(false);
    }

    /** A converter's refusal named after its option ("--commands must be at least 1, was 0"), else picocli's own. */
    private static String reason(CommandLine.ParameterException e) {
        if (e.getCause() instanceof TypeConversionException refused
                && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName() + " " + refused.getMessage();
        }
        return e.getMessage();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code --help} was asked: print {@link #usage()}. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help requested", null, false, false);
        }
    }

    /** A list of numbers as given, in order, each once; empty for "none". */
    record Numbers(List<Integer> values) {
    }

    /**
     * The command line as picocli fills it in. A size left out stays null, so that {@link #resolve} can tell it
     * from one given explicitly, which wins over {@code --quick}.
     */
    @Command(name = "scripts/bench.sh", sortOptions = false, usageHelpWidth = 120,
            synopsisHeading = "", customSynopsis = "Usage: scripts/bench.sh [--quick] [--option=value ...]%n",
            description = "Runs the benchmark (docs/benchmarks.md).%n")
    static final class CommandLineOptions {

        @Option(names = "--quick", arity = "0", description = "every size small: the whole run in about a minute")
        boolean quick;

        @Option(names = "--commands", paramLabel = "N", converter = PositiveInt.class,
                description = "commands per throughput run (default 2000, quick 100)")
        Integer commands;

        @Option(names = "--warmup", paramLabel = "N", converter = NonNegativeInt.class,
                description = "commands before measuring (default 1000, quick 50)")
        Integer warmup;

        @Option(names = "--clients", paramLabel = "1,8,32", converter = PositiveInts.class,
                description = "concurrent clients of the throughput runs")
        Numbers clients;

        @Option(names = "--sync-commit-clients", paramLabel = "8", converter = PositiveIntsOrNone.class,
                description = "client counts scenario 1 measures again with the server's synchronous_commit switched "
                        + "to the other setting (off / on); none: not switched")
        Numbers syncCommitClients;

        @Option(names = "--products", paramLabel = "N", converter = PositiveInt.class,
                description = "aggregates the throughput runs spread over (default 1000, quick 50)")
        Integer products;

        @Option(names = "--stream", paramLabel = "N", converter = PositiveInt.class,
                description = "commands on one aggregate (default 10000, quick 300)")
        Integer stream;

        @Option(names = "--orders", paramLabel = "N", converter = PositiveInt.class,
                description = "orders through the saga (default 500, quick 32)")
        Integer orders;

        @Option(names = "--order-warmup", paramLabel = "N", converter = NonNegativeInt.class,
                description = "orders through the saga before measuring, not counted (default 300, quick 16)")
        Integer orderWarmup;

        @Option(names = "--order-clients", paramLabel = "N", converter = PositiveInt.class,
                description = "clients placing them, each waiting for its order (default 32, quick 16)")
        Integer orderClients;

        @Option(names = "--instances", paramLabel = "N", converter = PositiveInt.class,
                description = "standalones on the one database for those orders, 1 to " + MAX_INSTANCES
                        + " (default 1): each order is placed on one and read back from the next")
        Integer instances;

        @Option(names = "--replay-events", paramLabel = "N", converter = PositiveLong.class,
                description = "events to replay with Orderflow's settings (default 1000000, quick 10000)")
        Long replayEvents;

        @Option(names = "--defaults-replay-events", paramLabel = "N", converter = PositiveLong.class,
                description = "events to replay with Axon's defaults (default 20000, quick 1000)")
        Long defaultsReplayEvents;

        @Option(names = "--scenarios", paramLabel = "1,2,3,4,5", converter = PositiveInts.class,
                description = "which scenarios run (6, peak memory, always)")
        Numbers scenarios;

        @Option(names = "--standalone-jar", paramLabel = "PATH", converter = NonBlank.class,
                description = "default standalone/target/standalone-0.1.0-SNAPSHOT.jar")
        String standaloneJar = "standalone/target/standalone-0.1.0-SNAPSHOT.jar";

        @Option(names = "--agent-jar", paramLabel = "PATH", converter = NonBlank.class,
                description = "default bench/target/bench-0.1.0-SNAPSHOT-agent.jar")
        String agentJar = "bench/target/bench-0.1.0-SNAPSHOT-agent.jar";

        @Option(names = "--out", paramLabel = "DIR", converter = NonBlank.class, description = "default bench/target/results")
        String out = "bench/target/results";

        // The JVM takes some 350 MiB besides its heap, so a heap that grows past about 300 MiB takes the
        // process past scenario 6's 768 MiB: 883 MiB with 1g, 820 with 512m, 739 with 256m, for about 1 % more
        // time in GC pauses (docs/benchmarks.md, "Memory").
        @Option(names = "--heap", paramLabel = "SIZE", converter = HeapSize.class,
                description = "the standalone's -Xmx (default " + DEFAULT_HEAP + ": its peak RSS then stays under the "
                        + "768 MiB limit; with 512m or 1g the heap grows past it)")
        String heap = DEFAULT_HEAP;

        @Option(names = "--profile", arity = "0", description = "with a JFR profile of the standalone (the default, not with --quick)")
        boolean profile;

        @Option(names = "--no-profile", arity = "0", description = "without the JFR profile")
        boolean noProfile;

        @Option(names = "--native-memory", arity = "0", description = "track the standalone's native memory "
                + "(-XX:NativeMemoryTracking=summary) and write jcmd's summary when ready and at its end "
                + "(nmt-*.txt, results.json)")
        boolean nativeMemory;

        @Option(names = "--db-url", paramLabel = "JDBC_URL", converter = NonBlank.class,
                description = "an existing Postgres (default: $ORDERFLOW_DB_URL, else an embedded one); the bench "
                        + "creates and drops its own databases there")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", converter = NonBlank.class,
                description = "default $ORDERFLOW_DB_USER, else postgres")
        String dbUser;

        @Option(names = "--db-password", paramLabel = "PASSWORD", converter = NonBlank.class,
                description = "default $ORDERFLOW_DB_PASSWORD, else postgres")
        String dbPassword;

        @Option(names = "--help", usageHelp = true, description = "this list")
        boolean help;

        /** The options with every default filled in (the quick one where not given), checked as a whole. */
        BenchOptions resolve(Map<String, String> environment) {
            BenchOptions options = new BenchOptions(
                    quick,
                    sized(commands, 2000, 100),
                    sized(warmup, 1000, 50),
                    clients == null ? List.of(1, 8, 32) : clients.values(),
                    syncCommitClients == null ? List.of(8) : syncCommitClients.values(),
                    sized(products, 1000, 50),
                    sized(stream, 10_000, 300),
                    sized(orders, 500, 32),
                    sized(orderWarmup, 300, 16),
                    sized(orderClients, 32, 16),
                    instances == null ? 1 : instances,
                    sized(replayEvents, 1_000_000L, 10_000L),
                    sized(defaultsReplayEvents, 20_000L, 1_000L),
                    new TreeSet<>(scenarios == null ? List.of(1, 2, 3, 4, 5) : scenarios.values()),
                    Path.of(standaloneJar),
                    Path.of(agentJar),
                    Path.of(out),
                    heap,
                    profile || !(quick || noProfile),
                    nativeMemory,
                    dbUrl != null ? dbUrl : blankToNull(environment.get("ORDERFLOW_DB_URL")),
                    dbUser != null ? dbUser : orElse(environment.get("ORDERFLOW_DB_USER"), "postgres"),
                    dbPassword != null ? dbPassword : orElse(environment.get("ORDERFLOW_DB_PASSWORD"), "postgres"));
            if (options.instances() > MAX_INSTANCES) {
                throw new IllegalArgumentException("--instances is at most " + MAX_INSTANCES + ", was " + options.instances());
            }
            for (int scenario : options.scenarios()) {
                if (scenario > 5) {
                    throw new IllegalArgumentException("--scenarios lists numbers from 1 to 5, was " + scenario);
                }
            }
            if (options.runs(5) && !options.runs(1) && !options.runs(3)) {
                throw new IllegalArgumentException("scenario 5 repeats scenarios 1 and 3: run at least one of them too");
            }
            return options;
        }

        private <T> T sized(T given, T normal, T whenQuick) {
            return given != null ? given : quick ? whenQuick : normal;
        }
    }

    // The converters' messages follow the option's name: reason() puts it in front.

    static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("needs a value");
            }
            return value;
        }
    }

    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long parsed = wholeNumber(value);
            if (parsed < 1) {
                throw new TypeConversionException("must be at least 1, was " + value);
            }
            return parsed;
        }
    }

    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long parsed = new PositiveLong().convert(value);
            if (parsed > Integer.MAX_VALUE) {
                throw new TypeConversionException("is too large: " + value);
            }
            return (int) parsed;
        }
    }

    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long parsed = wholeNumber(value);
            if (parsed < 0) {
                throw new TypeConversionException("must not be negative, was " + value);
            }
            if (parsed > Integer.MAX_VALUE) {
                throw new TypeConversionException("is too large: " + value);
            }
            return (int) parsed;
        }
    }

    /** Comma-separated numbers of at least 1, each kept once in the order given ("4, 16,4": 4 and 16). */
    static class PositiveInts implements ITypeConverter<Numbers> {
        @Override
        public Numbers convert(String value) {
            Set<Integer> values = new LinkedHashSet<>();
            for (String part : value.split(",", -1)) {
                long parsed = wholeNumber(part.trim());
                if (parsed < 1 || parsed > Integer.MAX_VALUE) {
                    throw new TypeConversionException("lists numbers of at least 1, was " + part.trim());
                }
                values.add((int) parsed);
            }
            return new Numbers(List.copyOf(values));
        }
    }

    /** As {@link PositiveInts}, or "none" for no numbers at all. */
    static final class PositiveIntsOrNone extends PositiveInts {
        @Override
        public Numbers convert(String value) {
            return "none".equals(value) ? new Numbers(List.of()) : super.convert(value);
        }
    }

    static final class HeapSize implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches("\\d+[kKmMgG]?")) {
                throw new TypeConversionException("must look like 512m or 2g, was " + value);
            }
            return value;
        }
    }

    /** A whole number, with {@code _} allowed between digits as in Java ("1_000_000"). */
    private static long wholeNumber(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("needs a value");
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, was '" + value + "'");
        }
    }
}
