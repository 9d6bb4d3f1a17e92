package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.bench.baseline.ReplayBaseline;
import dev.orderflow.bench.events.EventGenerator;
import dev.orderflow.bench.events.EventShapes;
import dev.orderflow.bench.events.EventTable;
import dev.orderflow.bench.events.StoredEvent;
import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.report.Format;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scenario 3 (and its Axon-defaults repeat in scenario 5): rebuild the order history from the whole event
 * store through the admin API ({@code POST /admin/processors/order-history/replay}), after the store was
 * filled to the requested size with generated events in the store's own format. The time runs from the
 * replay request (which clears the read model) to the admin API reporting it done.
 * <p>
 * Baseline: {@link ReplayBaseline}, a raw JDBC read of the same rows plus batched upserts of equivalent rows.
 */
final class Replay {

    static final String PROCESSOR = "order-history";
    static final long SEED = 20_261_126L;
    private static final Duration POLL = Duration.ofMillis(250);

    private Replay() {
    }

    /**
     * Axon's embedded event store shares one reader among all processors, with a cache of this many events. It
     * resumes from the last event it saw, so after a bulk load behind its back it would read through every
     * loaded event; beyond its cache that is a pile of garbage no real system makes. Past this many loaded
     * events, the bench restarts the standalone before measuring.
     */
    static final long EVENT_STORE_CACHE = 10_000;

    /**
     * Fills the event store up to {@code targetEvents} with generated events while the processors are stopped,
     * then moves every processor's tokens to the new head, so no saga or policy ever acts on them. The
     * processors stay stopped; answers whether the standalone must be restarted ({@link #EVENT_STORE_CACHE}),
     * otherwise they are started again.
     */
    static boolean load(BenchRun run, String database, String eventSchema, long targetEvents) throws Exception {
        boolean defaults = run.setup() == BenchRun.Setup.AXON_DEFAULTS;
        int scenario = defaults ? 5 : 3;
        HttpApi api = run.api();
        try (Connection connection = run.postgres.connect(database)) {
            EventTable table = EventTable.in(connection, eventSchema);
            if (!defaults) {
                checkShapes(run, connection, table);
            }
            long toLoad = Math.max(0, targetEvents - table.count(connection));
            api.processors("stop");
            run.step(scenario + " load " + Format.count(toLoad) + " events", () -> {
                try (Progress progress = Progress.start("loading generated events into " + table.name(), toLoad, "events")) {
                    table.load(connection, new EventGenerator(SEED, Instant.now().minus(Duration.ofDays(1))),
                            table.nextFreeIndex(connection), toLoad, progress::set);
                }
                return null;
            });
            api.processors("tokens-to-head");
            run.facts.put((defaults ? "axonDefaults" : "orderflow") + ".generatedEvents", toLoad);
            if (toLoad > EVENT_STORE_CACHE) {
                return true;
            }
            api.processors("start");
            return false;
        }
    }

    /** Measures the baseline, then the replay, of the store as it is now. */
    static void measure(BenchRun run, String database, String eventSchema) throws Exception {
        boolean defaults = run.setup() == BenchRun.Setup.AXON_DEFAULTS;
        int scenario = defaults ? 5 : 3;
        HttpApi api = run.api();
        String key = defaults ? "axonDefaults" : "orderflow";
        Map<String, Object> facts = new LinkedHashMap<>();
        try (Connection connection = run.postgres.connect(database)) {
            EventTable table = EventTable.in(connection, eventSchema);
            facts.put("storage", table.storage().toString());
            long events = table.count(connection);
            facts.put("events", events);

            String readModel = ReplayBaseline.schemaOf(connection);
            ReplayBaseline.prepare(connection, readModel);
            ReplayBaseline.Result baseline = run.step(scenario + " JDBC replay baseline, " + Format.count(events) + " events",
                    () -> {
                        try (Progress progress = Progress.start("JDBC read + batched upserts", events, "events");
                             Connection read = run.postgres.connect(database);
                             Connection write = run.postgres.connectForBatches(database)) {
                            return ReplayBaseline.run(read, write, table, progress::set);
                        }
                    });
            facts.put("baseline", baseline);

            double seconds = run.step(scenario + " replay " + PROCESSOR + ", " + Format.count(events) + " events",
                    () -> replay(api));
            Object[] rebuilt = ReplayBaseline.summary(connection, readModel);
            facts.put("rebuiltOrders", rebuilt[0]);
            facts.put("rebuiltSumOfTotals", rebuilt[1]);
            boolean same = rebuilt[0].equals(baseline.orders())
                    && ((BigDecimal) rebuilt[1]).compareTo(baseline.sumOfTotals()) == 0;
            facts.put("sameRowsAsBaseline", same);
            Progress.say(same
                    ? "     the replay and the baseline both built " + Format.count((Long) rebuilt[0]) + " orders totalling "
                            + rebuilt[1]
                    : "  !  the replay built " + rebuilt[0] + " orders totalling " + rebuilt[1] + ", the baseline "
                            + baseline.orders() + " totalling " + baseline.sumOfTotals());

            double rate = events / seconds;
            String size = Format.count(events) + " events";
            String suffix = defaults ? " (Axon defaults)" : "";
            Figure perSecond = Figure.throughput(scenario, "Replay order-history, " + size + suffix, rate, "events/s",
                    "JDBC read + batched upserts, same events", baseline.eventsPerSecond());
            Figure total = Figure.cost(scenario, "Replay total time, " + size + suffix, seconds, "s",
                    "JDBC read + batched upserts, same events", baseline.seconds());
            if (defaults) {
                perSecond = perSecond.withNote(CommandThroughput.gain(run, "replay.eventsPerSecond", rate));
            } else {
                run.reference.put("replay.eventsPerSecond", rate);
            }
            run.add(perSecond);
            run.add(total);
            facts.put("seconds", seconds);
            facts.put("eventsPerSecond", rate);
            if (!defaults) {
                measureRebuild(run, connection, readModel, baseline, events, facts);
            }
        }
        run.series.put(key + ".replay", facts);
    }

    /** Generated events must look exactly like the ones the system stores: checked against real rows. */
    private static void checkShapes(BenchRun run, Connection connection, EventTable table) throws Exception {
        List<StoredEvent> samples = new ArrayList<>();
        new EventGenerator(SEED, Instant.now()).generate(1, 2_000, samples::add);
        Set<String> types = new TreeSet<>();
        samples.forEach(event -> types.add(event.payloadType()));
        EventShapes.Comparison comparison = EventShapes.compare(samples, table.examples(connection, types));
        if (!comparison.matches()) {
            throw new IllegalStateException("generated events differ from the stored ones: " + comparison.differences());
        }
        run.facts.put("generatedEventTypesCheckedAgainstStoredRows", types.size() - comparison.unchecked().size());
        run.facts.put("generatedEventTypesNotChecked", comparison.unchecked());
        Progress.say("     generated events match the rows the system stored (" + (types.size() - comparison.unchecked().size())
                + " of " + types.size() + " event types compared" + (comparison.unchecked().isEmpty() ? ""
                : "; no stored example of " + comparison.unchecked()) + ")");
    }

    /**
     * The same events once more, through the zero-downtime rebuild ({@code POST .../rebuild}): a copy of the read
     * model is built beside the live one, on the JVM the replay has just warmed, and takes over when it has caught
     * up. Timed from the request to the admin API reporting the takeover done; the copy must hold what the
     * baseline built.
     */
    private static void measureRebuild(BenchRun run, Connection connection, String readModel,
                                       ReplayBaseline.Result baseline, long events, Map<String, Object> facts) throws Exception {
        HttpApi api = run.api();
        double seconds = run.step("3 rebuild " + PROCESSOR + " beside the live read model, " + Format.count(events) + " events",
                () -> rebuild(api));
        Object[] rebuilt = ReplayBaseline.summary(connection, readModel);
        boolean same = rebuilt[0].equals(baseline.orders())
                && ((BigDecimal) rebuilt[1]).compareTo(baseline.sumOfTotals()) == 0;
        facts.put("rebuildSeconds", seconds);
        facts.put("rebuildSameRowsAsBaseline", same);
        Progress.say(same
                ? "     the rebuilt copy holds the baseline's " + Format.count((Long) rebuilt[0]) + " orders"
                : "  !  the rebuilt copy holds " + rebuilt[0] + " orders totalling " + rebuilt[1] + ", the baseline "
                        + baseline.orders() + " totalling " + baseline.sumOfTotals());
        run.add(Figure.throughput(3, "Rebuild beside the live read model, " + Format.count(events) + " events",
                events / seconds, "events/s", "JDBC read + batched upserts, same events", baseline.eventsPerSecond()));
    }

    /** Starts a rebuild and follows it until the admin API reports the copy's takeover done; answers seconds. */
    private static double rebuild(HttpApi api) throws InterruptedException {
        long start = System.nanoTime();
        JsonNode progressAtStart = api.postJson("/admin/processors/" + PROCESSOR + "/rebuild", Map.of(), Duration.ofMinutes(10))
                .path("rebuild").path("progress");
        long from = progressAtStart.path("fromPosition").asLong();
        long head = progressAtStart.path("headAtStart").asLong();
        try (Progress progress = Progress.start("rebuilding " + PROCESSOR, Math.max(1, head - from), "events")) {
            while (true) {
                JsonNode rebuild = api.getJson("/admin/processors/" + PROCESSOR).path("rebuild");
                String state = rebuild.path("state").asText();
                progress.set(Math.max(0, rebuild.path("progress").path("position").asLong() - from));
                progress.detail(() -> "admin API: " + state + ", " + rebuild.path("progress").path("percentage").asText() + " %"
                        + (rebuild.path("problems").isEmpty() ? "" : ", " + rebuild.path("problems")));
                if ("DONE".equals(state)) {
                    return (System.nanoTime() - start) / 1e9;
                }
                if ("CANCELLED".equals(state)) {
                    throw new IllegalStateException("the rebuild of " + PROCESSOR + " did not finish: " + rebuild);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** Starts the replay and follows it until the admin API reports it done; answers its duration in seconds. */
    private static double replay(HttpApi api) throws InterruptedException {
        long start = System.nanoTime();
        JsonNode status = api.postJson("/admin/processors/" + PROCESSOR + "/replay", Map.of(), Duration.ofMinutes(10));
        JsonNode replay = status.path("replay");
        long from = replay.path("fromPosition").asLong();
        long head = replay.path("headAtStart").asLong();
        try (Progress progress = Progress.start("replaying " + PROCESSOR, head - from, "events")) {
            while (true) {
                replay = api.getJson("/admin/processors/" + PROCESSOR).path("replay");
                progress.set(replay.path("position").asLong() - from);
                JsonNode reported = replay;
                progress.detail(() -> "admin API: " + reported.path("percentage").asText() + " %, "
                        + Format.number(reported.path("eventsPerSecond").asDouble()) + " events/s");
                if (replay.path("done").asBoolean()) {
                    return (System.nanoTime() - start) / 1e9;
                }
                JsonNode processor = api.getJson("/admin/processors/" + PROCESSOR);
                if (processor.path("error").asBoolean()) {
                    throw new IllegalStateException("the " + PROCESSOR + " processor is in error: " + processor);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }
}
