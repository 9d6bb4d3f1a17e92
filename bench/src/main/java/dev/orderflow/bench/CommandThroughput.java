package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.bench.baseline.AppendBaseline;
import dev.orderflow.bench.events.EventTable;
import dev.orderflow.bench.events.StoredEvent;
import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.report.Format;
import dev.orderflow.bench.report.Latencies;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario 1 (and its Axon-defaults repeat, scenario 5): restock commands on many products, over HTTP
 * ({@code POST /products/{id}/restock}) and through the command gateway inside the standalone (the bench
 * agent), with 1, 8 and 32 clients. Each command loads its product and appends one event. Baseline: the
 * same number of one-row JDBC insert transactions of the same event row, same pool size and concurrency.
 */
final class CommandThroughput {

    private static final String RESTOCKED = "dev.orderflow.api.inventory.ProductRestockedEvent";

    private CommandThroughput() {
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
                ClosedLoop.run("warm-up over HTTP", 8, warmup, i -> restock(api, products.get(i % products.size())));
                api.gatewayRestock(products, warmup, 8);
            }
            return null;
        });

        AppendBaseline baseline = null;
        StoredEvent template = null;
        if (!defaults) {
            int poolSize = poolSize(api);
            run.facts.put("connectionPoolSize", poolSize);
            try (Connection connection = run.postgres.connect(database)) {
                template = EventTable.in(connection, eventSchema).examples(connection, List.of(RESTOCKED)).get(RESTOCKED);
            }
            if (template == null) {
                throw new IllegalStateException("no " + RESTOCKED + " stored after the warm-up: nothing to copy");
            }
            baseline = new AppendBaseline(run.postgres.url(database), run.postgres.user(), run.postgres.password(),
                    eventSchema + ".domain_event_entry", poolSize, products);
        }
        Map<String, Object> runs = new LinkedHashMap<>();
        try {
            for (int clients : options.clients()) {
                double jdbcRate;
                if (baseline != null) {
                    AppendBaseline appends = baseline;
                    StoredEvent row = template;
                    ClosedLoop.Result jdbc = run.step(scenario + " JDBC insert, " + clients(clients), () ->
                            ClosedLoop.run("JDBC insert baseline, " + clients(clients), clients, options.commands(),
                                    i -> appends.append(i, row)));
                    check(jdbc.failures(), jdbc.firstFailure(), "JDBC baseline");
                    jdbcRate = jdbc.perSecond();
                    run.reference.put("jdbc." + clients, jdbcRate);
                    runs.put("jdbc." + clients, summary(jdbcRate, jdbc.latencyNanos()));
                } else {
                    jdbcRate = run.reference.getOrDefault("jdbc." + clients, Double.NaN);
                }

                JsonNode gateway = run.step(scenario + " gateway, " + clients(clients), () -> {
                    try (Progress progress = Progress.start("command gateway, " + clients(clients),
                            options.commands(), "cmds")) {
                        progress.detail(() -> "in the standalone, counted when it answers");
                        JsonNode result = api.gatewayRestock(products, options.commands(), clients);
                        progress.set(options.commands());
                        return result;
                    }
                });
                check(gateway.get("failures").asInt(), gateway.path("firstFailure").asText(null), "gateway run");
                long[] gatewayLatencies = longs(gateway.get("latencyNanos"));
                double gatewayRate = gatewayLatencies.length / (gateway.get("elapsedNanos").asLong() / 1e9);

                ClosedLoop.Result http = run.step(scenario + " HTTP, " + clients(clients), () ->
                        ClosedLoop.run("HTTP restock, " + clients(clients), clients, options.commands(),
                                i -> restock(api, products.get(i % products.size()))));
                check(http.failures(), http.firstFailure(), "HTTP run");

                runs.put("gateway." + clients, summary(gatewayRate, gatewayLatencies));
                runs.put("http." + clients, summary(http.perSecond(), http.latencyNanos()));
                String baselineName = "JDBC insert, " + clients(clients);
                String suffix = defaults ? " (Axon defaults)" : "";
                Figure viaGateway = Figure.throughput(scenario, "Command gateway, " + clients(clients) + suffix,
                        gatewayRate, "cmd/s", baselineName, jdbcRate);
                Figure viaHttp = Figure.throughput(scenario, "HTTP, " + clients(clients) + suffix,
                        http.perSecond(), "cmd/s", baselineName, jdbcRate);
                if (defaults) {
                    viaGateway = viaGateway.withNote(gain(run, "gateway." + clients, gatewayRate));
                    viaHttp = viaHttp.withNote(gain(run, "http." + clients, http.perSecond()));
                } else {
                    run.reference.put("gateway." + clients, gatewayRate);
                    run.reference.put("http." + clients, http.perSecond());
                }
                run.add(viaGateway);
                run.add(viaHttp);
            }
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

    /** "Orderflow's settings: 12.3× faster" for a defaults figure whose Orderflow counterpart was measured. */
    static String gain(BenchRun run, String key, double defaultsRate) {
        Double orderflow = run.reference.get(key);
        if (orderflow == null) {
            return "";
        }
        double gain = orderflow / defaultsRate;
        return "Orderflow's settings: " + Format.ratioText(gain) + (gain >= 1 ? " faster" : " as fast");
    }

    static String clients(int count) {
        return count + (count == 1 ? " client" : " clients");
    }

    static List<UUID> addProducts(HttpApi api, int count, String name) {
        List<UUID> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(UUID.randomUUID());
        }
        ClosedLoop.Result result = ClosedLoop.run("adding " + count + " products", 8, count, i -> api.post("/products",
                "{\"productId\":\"" + products.get(i) + "\",\"name\":\"" + name + (i + 1)
                        + "\",\"price\":1.00,\"stock\":0}"));
        check(result.failures(), result.firstFailure(), "adding products");
        return products;
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

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    static Map<String, Object> summary(double perSecond, long[] latencyNanos) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("perSecond", perSecond);
        summary.put("latency", Latencies.ofNanos(latencyNanos));
        return summary;
    }
}
