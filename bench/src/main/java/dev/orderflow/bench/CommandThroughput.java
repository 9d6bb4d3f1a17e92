package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.bench.baseline.AppendBaseline;
import dev.orderflow.bench.events.EventTable;
import dev.orderflow.bench.events.StoredEvent;
import dev.orderflow.bench.report.CommandRun;
import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.report.Format;
import dev.orderflow.bench.report.Latencies;
import dev.orderflow.bench.system.SynchronousCommit;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Scenario 1 (and its Axon-defaults repeat, scenario 5): creates of new products ({@code POST /products}) and
 * restocks of existing ones ({@code POST /products/{id}/restock}, spread over many products), over HTTP and
 * through the command gateway inside the standalone (the bench agent), with 1, 8 and 32 clients. A create
 * appends one event to a new aggregate; a restock loads its product and appends one event. Baseline: the same
 * number of one-row JDBC insert transactions of a copy of the same event row (a ProductAddedEvent as the first
 * event of a fresh aggregate id, a ProductRestockedEvent), same pool size and concurrency.
 * <p>
 * Scenario 1 runs with the server's own {@code synchronous_commit} (off on the embedded Postgres) and then
 * again at {@link BenchOptions#syncCommitClients()} clients with it switched the other way, every baseline
 * measured in the same setting just before its commands; scenario 5 only with the server's own.
 */
final class CommandThroughput {

    private static final String ADDED = "dev.orderflow.api.inventory.ProductAddedEvent";
    private static final String RESTOCKED = "dev.orderflow.api.inventory.ProductRestockedEvent";

    private CommandThroughput() {
    }

    /** The settings scenario 1 measures in, in order: the server's own at every client count, then the other at some. */
    record Setting(String syncCommit, List<Integer> clients) {
    }

    static List<Setting> plan(String serverSyncCommit, List<Integer> clients, List<Integer> otherSettingClients) {
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting(serverSyncCommit, clients));
        if (!otherSettingClients.isEmpty()) {
            settings.add(new Setting(SynchronousCommit.opposite(serverSyncCommit), otherSettingClients));
        }
        return settings;
    }

    static void run(BenchRun run, String database, String eventSchema) throws Exception {
        BenchOptions options = run.options;
        boolean defaults = run.setup() == BenchRun.Setup.AXON_DEFAULTS;
        int scenario = defaults ? 5 : 1;
        HttpApi api = run.api();
        List<UUID> products = run.step(scenario + " add " + options.products() + " products",
                () -> addProducts(api, options.products(), "Throughput product "));

        run.step(scenario + " warm-up", () -> {
            int warmup = options.warmup();
            if (warmup > 0) {
                TimedLoop.run("warm-up over HTTP", 8, warmup, i -> restock(api, products.get(i % products.size())));
                api.gatewayRestock(products, warmup, 8);
                api.gatewayCreate(warmup, 8, "Warm-up product ");
            }
            return null;
        });

        int poolSize = poolSize(api);
        AppendBaseline baseline = null;
        Map<CommandRun.Kind, StoredEvent> templates = new EnumMap<>(CommandRun.Kind.class);
        if (!defaults) {
            run.facts.put("connectionPoolSize", poolSize);
            try (Connection connection = run.postgres.connect(database)) {
                Map<String, StoredEvent> stored = EventTable.in(connection, eventSchema)
                        .examples(connection, List.of(ADDED, RESTOCKED));
                templates.put(CommandRun.Kind.CREATE, stored.get(ADDED));
                templates.put(CommandRun.Kind.RESTOCK, stored.get(RESTOCKED));
            }
            for (Map.Entry<CommandRun.Kind, StoredEvent> template : templates.entrySet()) {
                if (template.getValue() == null) {
                    throw new IllegalStateException("no " + template.getKey() + " event stored after the warm-up: nothing to copy");
                }
            }
            baseline = new AppendBaseline(run.postgres.url(database), run.postgres.user(), run.postgres.password(),
                    eventSchema + ".domain_event_entry", poolSize, products);
        }
        Map<String, Object> runs = new LinkedHashMap<>();
        try (SynchronousCommit syncCommit = SynchronousCommit.open(run.postgres, database)) {
            Map<String, Object> syncFacts = new LinkedHashMap<>();
            syncFacts.put("server", syncCommit.serverValue());
            syncFacts.put("serverSource", syncCommit.serverSource());
            syncFacts.put("alterDatabaseOrRoleSettings", syncCommit.overrides());
            List<Setting> settings = defaults ? List.of(new Setting(syncCommit.serverValue(), options.clients()))
                    : plan(syncCommit.serverValue(), options.clients(), options.syncCommitClients());
            List<String> measured = new ArrayList<>();
            Set<Integer> standalonePids = new TreeSet<>();
            for (Setting setting : settings) {
                Optional<String> refused = syncCommit.switchTo(setting.syncCommit());
                if (refused.isPresent()) {
                    Progress.say("  NOT MEASURED with synchronous_commit=" + setting.syncCommit() + ": " + refused.get()
                            + "; only the server's synchronous_commit=" + syncCommit.serverValue() + " is measured");
                    syncFacts.put("notMeasured", Map.of("synchronousCommit", setting.syncCommit(), "why", refused.get()));
                    continue;
                }
                Map<String, Object> sessions = checkSessions(api, poolSize, baseline, setting.syncCommit(), standalonePids);
                syncFacts.put("sessions." + setting.syncCommit(), sessions);
                Progress.say("  synchronous_commit=" + setting.syncCommit() + " in every session: " + sessions);
                measured.add(setting.syncCommit());
                for (int clients : setting.clients()) {
                    measure(run, scenario, products, baseline, templates, clients, setting.syncCommit(), runs);
                }
            }
            syncFacts.put("measured", measured);
            run.facts.put((defaults ? "axonDefaults" : "orderflow") + ".synchronousCommit", syncFacts);
        } finally {
            if (baseline != null) {
                baseline.close();
            }
        }
        run.series.put((defaults ? "axonDefaults" : "orderflow") + ".commandThroughput", runs);
        try (Connection connection = run.postgres.connect(database)) {
            long snapshots = Long.parseLong(BenchMain.single(connection, "select count(*) from " + eventSchema
                    + ".snapshot_event_entry"));
            run.facts.put((defaults ? "axonDefaults" : "orderflow") + ".snapshotsAfterThroughput", snapshots);
            if (defaults && snapshots > 0) {
                throw new IllegalStateException("Axon's defaults take no snapshots, yet " + snapshots + " were stored");
            }
        }
    }

    /**
     * Checks that the standalone's pooled connections and the baseline's all run with {@code syncCommit}; answers
     * what each pool showed, and how many of the standalone's sessions were open at the check before (so the
     * switch reached sessions open before it, not only new ones).
     */
    private static Map<String, Object> checkSessions(HttpApi api, int poolSize, AppendBaseline baseline,
                                                     String syncCommit, Set<Integer> standalonePids) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();
        JsonNode answer = api.synchronousCommit(poolSize);
        Map<String, Integer> standalone = new TreeMap<>();
        answer.get("settings").fields().forEachRemaining(entry -> standalone.put(entry.getKey(), entry.getValue().asInt()));
        Set<Integer> pids = new TreeSet<>();
        answer.get("backendPids").forEach(pid -> pids.add(pid.asInt()));
        seen.put("standalone", standalone);
        seen.put("standaloneSessionsChecked", pids.size());
        if (!standalonePids.isEmpty()) {
            seen.put("standaloneSessionsOpenBefore", pids.stream().filter(standalonePids::contains).count());
        }
        standalonePids.addAll(pids);
        if (standalone.isEmpty() || standalone.keySet().stream().anyMatch(value -> !value.startsWith(syncCommit + " "))) {
            throw new IllegalStateException("the standalone's connections do not all run with synchronous_commit="
                    + syncCommit + ": " + standalone);
        }
        if (baseline != null) {
            Map<String, Integer> jdbc = baseline.synchronousCommitOfEveryConnection();
            seen.put("baseline", jdbc);
            if (!jdbc.keySet().equals(Set.of(syncCommit))) {
                throw new IllegalStateException("the baseline's connections do not all run with synchronous_commit="
                        + syncCommit + ": " + jdbc);
            }
        }
        return seen;
    }

    /** At one client count and setting: both baselines, then creates and restocks via the gateway, then over HTTP. */
    private static void measure(BenchRun run, int scenario, List<UUID> products, AppendBaseline baseline,
                                Map<CommandRun.Kind, StoredEvent> templates, int clients, String syncCommit,
                                Map<String, Object> runs) {
        BenchOptions options = run.options;
        HttpApi api = run.api();
        boolean defaults = scenario == 5;
        for (CommandRun.Kind kind : CommandRun.Kind.values()) {
            CommandRun jdbcRun = new CommandRun(kind, CommandRun.Way.JDBC, clients, syncCommit);
            if (baseline != null) {
                StoredEvent row = templates.get(kind);
                TimedLoop.Result jdbc = run.step(jdbcRun.stepName(scenario), () ->
                        TimedLoop.run(jdbcRun.figureName(), clients, options.commands(), kind == CommandRun.Kind.CREATE
                                ? i -> baseline.appendFirst(row) : i -> baseline.append(i, row)));
                check(jdbc.failures(), jdbc.firstFailure(), "JDBC baseline");
                run.reference.put(jdbcRun.key(), jdbc.perSecond());
                runs.put(jdbcRun.key(), summary(jdbc.perSecond(), jdbc.latencies()));
            }
        }
        for (CommandRun.Way way : List.of(CommandRun.Way.GATEWAY, CommandRun.Way.HTTP)) {
            for (CommandRun.Kind kind : CommandRun.Kind.values()) {
                CommandRun measured = new CommandRun(kind, way, clients, syncCommit);
                Map<String, Object> result = run.step(measured.stepName(scenario), () -> way == CommandRun.Way.GATEWAY
                        ? viaGateway(api, measured, products, options.commands())
                        : overHttp(api, measured, products, options.commands()));
                double rate = (double) result.get("perSecond");
                runs.put(measured.key(), result);
                CommandRun baselineRun = measured.baseline();
                double baselineRate = run.reference.getOrDefault(baselineRun.key(), Double.NaN);
                Figure figure = Figure.throughput(scenario, measured.figureName() + (defaults ? " (Axon defaults)" : ""),
                        rate, "cmd/s", baselineRun.figureName(), baselineRate);
                if (defaults) {
                    figure = figure.withNote(gain(run, measured.key(), rate));
                } else {
                    run.reference.put(measured.key(), rate);
                }
                run.add(figure);
            }
        }
    }

    private static Map<String, Object> viaGateway(HttpApi api, CommandRun measured, List<UUID> products, int commands) {
        JsonNode gateway;
        try (Progress progress = Progress.start("command gateway, " + measured.figureName(), commands, "cmds")) {
            progress.detail(() -> "in the standalone, counted when it answers");
            gateway = measured.kind() == CommandRun.Kind.CREATE
                    ? api.gatewayCreate(commands, measured.clients(), "Created product " + measured.key() + " ")
                    : api.gatewayRestock(products, commands, measured.clients());
            progress.set(commands);
        }
        check(gateway.get("failures").asInt(), gateway.path("firstFailure").asText(null), "gateway run");
        // The agent sends every latency as it has no histogram library in the standalone; recorded here.
        Histogram latencies = Latencies.histogram();
        gateway.get("latencyNanos").forEach(nanos -> latencies.recordValue(nanos.asLong()));
        return summary(latencies.getTotalCount() / (gateway.get("elapsedNanos").asLong() / 1e9), Latencies.of(latencies));
    }

    private static Map<String, Object> overHttp(HttpApi api, CommandRun measured, List<UUID> products, int commands) {
        TimedLoop.Result http;
        if (measured.kind() == CommandRun.Kind.CREATE) {
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                bodies.add(productJson(UUID.randomUUID(), "Created product " + measured.key() + " " + (i + 1)));
            }
            http = TimedLoop.run(measured.figureName(), measured.clients(), commands,
                    i -> api.post("/products", bodies.get(i)));
        } else {
            http = TimedLoop.run(measured.figureName(), measured.clients(), commands,
                    i -> restock(api, products.get(i % products.size())));
        }
        check(http.failures(), http.firstFailure(), "HTTP run");
        return summary(http.perSecond(), http.latencies());
    }

    /** "Orderflow's settings: 12.3× faster" for a defaults figure whose Orderflow counterpart was measured. */
    static String gain(BenchRun run, String key, double defaultsRate) {
        Double orderflow = run.reference.get(key);
        if (orderflow == null) {
            return "";
        }
        double gain = orderflow / defaultsRate;
        return "Orderflow's settings: " + Format.ratioText(gain) + (gain >= 1 ? " faster" : " as fast");
    }

    static List<UUID> addProducts(HttpApi api, int count, String name) {
        List<UUID> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(UUID.randomUUID());
        }
        TimedLoop.Result result = TimedLoop.run("adding " + count + " products", 8, count,
                i -> api.post("/products", productJson(products.get(i), name + (i + 1))));
        check(result.failures(), result.firstFailure(), "adding products");
        return products;
    }

    static String productJson(UUID id, String name) {
        return "{\"productId\":\"" + id + "\",\"name\":\"" + name + "\",\"price\":1.00,\"stock\":0}";
    }

    static void restock(HttpApi api, UUID product) {
        api.post("/products/" + product + "/restock", "{\"quantity\":1}");
    }

    /** The standalone's JDBC pool size, as it reports it; 20 (Orderflow's setting) if it does not say. */
    static int poolSize(HttpApi api) {
        try {
            JsonNode metric = api.getJson("/actuator/metrics/hikaricp.connections.max");
            return (int) metric.get("measurements").get(0).get("value").asDouble();
        } catch (RuntimeException e) {
            return 20;
        }
    }

    static void check(int failures, String firstFailure, String what) {
        if (failures > 0) {
            throw new IllegalStateException(what + ": " + failures + " operations failed, the first with " + firstFailure);
        }
    }

    static Map<String, Object> summary(double perSecond, Latencies latencies) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("perSecond", perSecond);
        summary.put("latency", latencies);
        return summary;
    }
}
