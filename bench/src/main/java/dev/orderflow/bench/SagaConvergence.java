package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.bench.baseline.AppendBaseline;
import dev.orderflow.bench.baseline.ReplayBaseline;
import dev.orderflow.bench.events.StoredEvent;
import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.report.Format;
import dev.orderflow.bench.report.Latencies;
import dev.orderflow.bench.system.MeasuredStandalone;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario 4: orders placed concurrently over HTTP, each carried by the fulfilment saga through stock,
 * payment and shipping to CONFIRMED. Each client places an order, waits until {@code GET /orders/{id}} shows it
 * settled, and places the next, until every order has converged; so as many orders are in flight as there are
 * clients. An order's latency runs from its {@code POST /orders} answering to
 * {@code GET /orders/{id}} answering CONFIRMED. To ask at the right moment without flooding the query API,
 * a watcher reads the order-history table every {@value #WATCH_MS} ms and sends the GET as soon as the row
 * shows the order settled; the latency is taken when that GET answers, so it includes up to one watch
 * interval and the GET itself (it never undercounts). Throughput: confirmed orders over the time from the
 * first POST to the last confirmation seen.
 * <p>
 * With {@code --instances=N} the orders go to N standalones on the one database, round robin, and each is read
 * back from the instance after the one it was placed on: its saga may run on another JVM than its POST, woken
 * across instances, and its GET answers from yet another's query side. Customers and products are added through
 * the first instance, as with one.
 * <p>
 * Baseline: the appends the saga makes per order (copies of the rows one real order produced), each in a
 * transaction of its own and one after the other as the saga's steps are, with as many concurrent chains as
 * there are clients.
 */
final class SagaConvergence {

    static final long WATCH_MS = 10;
    private static final long SETTLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);

    private SagaConvergence() {
    }

    static void run(BenchRun run, String database) throws Exception {
        BenchOptions options = run.options;
        List<HttpApi> instances = run.instanceApis();
        HttpApi api = instances.get(0);
        int orders = options.orders();
        int clients = options.orderClients();
        // One instance keeps the names it always had, so that earlier figures stay comparable.
        String onInstances = instances.size() == 1 ? "" : ", " + instances.size() + " instances";

        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < Math.max(4, orders / 25); i++) {
            customers.add(UUID.randomUUID());
        }
        List<UUID> products = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            products.add(UUID.randomUUID());
        }
        run.step("4 add customers and products" + onInstances, () -> {
            TimedLoop.Result added = TimedLoop.run("adding customers", 8, customers.size(), i -> api.post("/customers",
                    "{\"customerId\":\"" + customers.get(i) + "\",\"name\":\"Saga customer " + (i + 1)
                            + "\",\"email\":\"saga-" + customers.get(i) + "@bench.example\",\"creditLimit\":100000000.00}"));
            CommandThroughput.check(added.failures(), added.firstFailure(), "adding customers");
            added = TimedLoop.run("adding products", 8, products.size(), i -> api.post("/products",
                    "{\"productId\":\"" + products.get(i) + "\",\"name\":\"Saga product " + (i + 1) + "\",\"price\":"
                            + (i + 1) + ".50,\"stock\":100000000}"));
            CommandThroughput.check(added.failures(), added.firstFailure(), "adding products");
            // One price change, so that the event store holds a real example of every event the bench generates.
            api.put("/products/" + products.get(0) + "/price", "{\"price\":1.25}");
            return null;
        });

        if (options.orderWarmup() > 0) {
            // Not counted: the standalone's handlers are compiled and its caches filled before anything is measured.
            Placed warmup = placeAll(run, database, instances, options.orderWarmup(), clients, customers, products,
                    "4 warm-up, " + options.orderWarmup() + " orders, " + clients + " clients" + onInstances);
            warmup.check("warm-up orders");
        }
        long headBefore;
        try (Connection connection = run.postgres.connect(database)) {
            headBefore = Long.parseLong(BenchMain.single(connection,
                    "select coalesce(max(global_index), 0) from axon.domain_event_entry"));
        }
        List<Integer> notConfirmed = new ArrayList<>();
        Placed placed = placeAll(run, database, instances, orders, clients, customers, products,
                "4 saga, " + orders + " orders, " + clients + " clients" + onInstances);
        Orders watch = placed.watch();
        TimedLoop.Result placing = placed.placing();
        placed.check("placing orders");
        UUID[] orderIds = watch.orderIds;
        long[] answered = watch.answered;
        long[] visibleWallMillis = watch.visibleWallMillis;
        AtomicLongArray visible = watch.visible;
        String[] status = watch.status;
        AtomicLong firstPost = watch.firstPost;
        Histogram latencies = Latencies.histogram();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        long lastVisible = 0;
        for (int i = 0; i < orders; i++) {
            String outcome = status[i] == null ? "NOT SETTLED" : status[i];
            outcomes.merge(outcome, 1, Integer::sum);
            if ("CONFIRMED".equals(status[i])) {
                latencies.recordValue(visible.get(i) - answered[i]);
                lastVisible = Math.max(lastVisible, visible.get(i));
            } else {
                notConfirmed.add(i);
            }
        }
        if (latencies.getTotalCount() == 0) {
            throw new IllegalStateException("no order was confirmed: " + outcomes);
        }
        Latencies saga = Latencies.of(latencies);
        double ordersPerSecond = latencies.getTotalCount() / ((lastVisible - firstPost.get()) / 1e9);

        // The baseline: the rows one confirmed order produced, appended again as one chain per order.
        List<StoredEvent> chain = chainOf(run, database, orderIds, status);
        TimedLoop.Result chains;
        try (AppendBaseline baseline = new AppendBaseline(run.postgres.url(database), run.postgres.user(),
                run.postgres.password(), "axon.domain_event_entry",
                ((Number) run.facts.getOrDefault("connectionPoolSize", 20)).intValue(), List.of(UUID.randomUUID()))) {
            chains = run.step("4 JDBC chains, " + orders + " orders, " + clients + " clients" + onInstances, () ->
                    TimedLoop.run("JDBC baseline: " + chain.size() + " appends per order", clients, orders,
                            i -> baseline.appendChain(chain)));
        }
        CommandThroughput.check(chains.failures(), chains.firstFailure(), "JDBC chain baseline");
        Latencies base = chains.latencies();
        String chainName = "JDBC: the " + chain.size() + " appends of an order in sequence";
        run.add(Figure.throughput(4, "Orders confirmed per second, " + clients + " clients" + onInstances, ordersPerSecond, "orders/s",
                "JDBC: " + chain.size() + " appends per order, " + clients + " clients", chains.perSecond())
                .withNote(outcomes.size() == 1 ? "" : "outcomes " + outcomes));
        run.add(Figure.cost(4, "p50 POST answered → CONFIRMED on GET" + onInstances, saga.p50Ms(), "ms", chainName + ", p50", base.p50Ms()));
        run.add(Figure.cost(4, "p99 POST answered → CONFIRMED on GET" + onInstances, saga.p99Ms(), "ms", chainName + ", p99", base.p99Ms()));
        run.add(Figure.cost(4, "max POST answered → CONFIRMED on GET" + onInstances, saga.maxMs(), "ms", chainName + ", max", base.maxMs()));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("outcomes", outcomes);
        series.put("latency", saga);
        series.put("baselineLatency", base);
        series.put("eventsPerOrder", chain.size());
        Map<String, Double> hops = hops(run, database, headBefore, orderIds, visibleWallMillis, status);
        series.put("medianHopMs", hops);
        if (instances.size() > 1) {
            series.put("instances", instances.size());
        }
        series.put("events", chain.stream().map(event -> event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1)).toList());
        run.series.put("orderflow.saga", series);
        if (outcomes.getOrDefault("CONFIRMED", 0) < orders) {
            Progress.say("  !  not every order was confirmed: " + outcomes + " (first not confirmed: order #" + notConfirmed.get(0) + ")");
        }
        Progress.say("     saga latency p50/p90/p99/max " + Format.number(saga.p50Ms()) + " / " + Format.number(saga.p90Ms())
                + " / " + Format.number(saga.p99Ms()) + " / " + Format.number(saga.maxMs()) + " ms over "
                + chain.size() + " events per order");
        StringBuilder where = new StringBuilder("     where an order's time goes (median over the confirmed orders, from the stored event times):");
        hops.forEach((hop, ms) -> where.append("\n       ").append(String.format("%-52s %8s ms", hop, Format.number(ms))));
        Progress.say(where.toString());
        if (instances.size() > 1) {
            Map<String, Map<String, String>> claimed = claimedSegments(run.instances(), instances);
            series.put("claimedSegments", claimed);
            StringBuilder held = new StringBuilder("     segments each instance held at the end (held/all):");
            claimed.forEach((instance, segments) -> held.append("\n       ").append(instance).append(": ")
                    .append(segments.isEmpty() ? "none" : segments.toString()));
            Progress.say(held.toString());
        }
    }

    /**
     * Which instance ran which processors' segments: the instances share the work by segment claims, so this
     * tells where the saga and the projections ran while the POSTs and GETs went round robin.
     */
    private static Map<String, Map<String, String>> claimedSegments(List<MeasuredStandalone> processes,
                                                                    List<HttpApi> apis) {
        Map<String, Map<String, String>> claimed = new LinkedHashMap<>();
        for (int i = 0; i < apis.size(); i++) {
            Map<String, String> segments = new LinkedHashMap<>();
            for (JsonNode processor : apis.get(i).getJson("/admin/processors")) {
                int held = processor.path("claimedSegments").asInt();
                if (held > 0) {
                    JsonNode all = processor.path("segmentCount");
                    segments.put(processor.path("name").asText(), held + "/" + (all.isNumber() ? all.asText() : "?"));
                }
            }
            claimed.put(processes.get(i).name(), segments);
        }
        return claimed;
    }

    /**
     * The median time between consecutive events of an order's trace, from their stored timestamps, and from its
     * last event to the GET showing it CONFIRMED: which steps of the saga the time goes into.
     */
    private static Map<String, Double> hops(BenchRun run, String database, long after, UUID[] orderIds,
                                            long[] visibleWallMillis, String[] status) throws Exception {
        Map<String, List<String[]>> traces = new LinkedHashMap<>();
        try (Connection connection = run.postgres.connect(database);
             PreparedStatement query = connection.prepareStatement("select convert_from(meta_data, 'UTF8')::json ->> 'traceId', "
                     + "payload_type, time_stamp, aggregate_identifier from axon.domain_event_entry where global_index > ? order by global_index")) {
            query.setLong(1, after);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    traces.computeIfAbsent(rows.getString(1), trace -> new ArrayList<>())
                          .add(new String[]{type.substring(type.lastIndexOf('.') + 1), rows.getString(3), rows.getString(4)});
                }
            }
        }
        Map<String, Integer> orderIndex = new HashMap<>();
        for (int i = 0; i < orderIds.length; i++) {
            orderIndex.put(orderIds[i].toString(), i);
        }
        Map<String, List<Long>> gaps = new LinkedHashMap<>();
        for (List<String[]> events : traces.values()) {
            Integer order = events.get(0)[0].equals("OrderPlacedEvent") ? orderIndex.get(events.get(0)[2]) : null;
            if (order == null || !"CONFIRMED".equals(status[order])) {
                continue;
            }
            for (int k = 1; k < events.size(); k++) {
                long gap = Instant.parse(events.get(k)[1]).toEpochMilli()
                        - Instant.parse(events.get(k - 1)[1]).toEpochMilli();
                gaps.computeIfAbsent(k + ". " + events.get(k - 1)[0].replace("Event", "") + " → "
                        + events.get(k)[0].replace("Event", ""), key -> new ArrayList<>()).add(gap);
            }
            long last = Instant.parse(events.get(events.size() - 1)[1]).toEpochMilli();
            gaps.computeIfAbsent(events.size() + ". " + events.get(events.size() - 1)[0].replace("Event", "")
                    + " → CONFIRMED on GET", key -> new ArrayList<>()).add(visibleWallMillis[order] - last);
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        gaps.entrySet().stream()
            .filter(entry -> entry.getValue().size() * 2 >= orderIds.length / 2)
            .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(key -> Integer.parseInt(key.substring(0, key.indexOf('.'))))))
            .forEach(entry -> medians.put(entry.getKey().substring(entry.getKey().indexOf(' ') + 1),
                    (double) median(entry.getValue())));
        return medians;
    }

    /**
     * The nearest-rank median, exact. Not a histogram, which holds no negative values: a gap between two stored
     * event times can be negative, as an event is stamped before it is stored and two of one order may be stored
     * in the other order than stamped.
     */
    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() + 1) / 2 - 1);
    }

    private static void placeOrder(HttpApi api, UUID orderId, int i, List<UUID> customers, List<UUID> products,
                                   Orders watch) {
        UUID customer = customers.get(i % customers.size());
        UUID first = products.get(i % products.size());
        UUID second = products.get((i * 7 + 3) % products.size());
        if (second.equals(first)) {
            second = products.get((i + 1) % products.size());
        }
        watch.firstPost.accumulateAndGet(System.nanoTime(), Math::min);
        api.post("/orders", "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer + "\",\"lines\":["
                + "{\"productId\":\"" + first + "\",\"quantity\":1},{\"productId\":\"" + second + "\",\"quantity\":2}]}");
        watch.answered[i] = System.nanoTime();
        watch.pending.put(orderId, i);
    }

    /** The orders of one closed loop and how placing them went. */
    private record Placed(Orders watch, TimedLoop.Result placing) {

        void check(String what) {
            if (watch.failure.get() != null) {
                throw new IllegalStateException("watching the orders failed: " + watch.failure.get());
            }
            CommandThroughput.check(placing.failures(), placing.firstFailure(), what);
        }
    }

    /** Places {@code count} orders from {@code clients} clients, each waiting for its order to settle, as one step. */
    private static Placed placeAll(BenchRun run, String database, List<HttpApi> instances, int count, int clients,
                                   List<UUID> customers, List<UUID> products, String stepName) throws Exception {
        Orders watch = new Orders(count, instances);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        Thread watcher = new Thread(() -> watch.watch(run, database, readers), "saga-watcher");
        TimedLoop.Result placing = run.step(stepName, () -> {
            watcher.start();
            try {
                return TimedLoop.run("orders placed and CONFIRMED on GET", clients, count, i -> {
                    placeOrder(watch.placedOn(i), watch.orderIds[i], i, customers, products, watch);
                    watch.awaitSettled(i);
                });
            } finally {
                watcher.interrupt();
                watcher.join(5000);
                readers.shutdown();
                readers.awaitTermination(30, TimeUnit.SECONDS);
            }
        });
        return new Placed(watch, placing);
    }

    /**
     * The orders of the run and when each was seen settled. The watcher reads the order-history table every
     * {@value #WATCH_MS} ms for the pending orders; for each one it finds settled it asks {@code GET /orders/{id}}
     * (of the instance after the one the order was placed on, when there are several) and notes the time that
     * answers, and the status it shows.
     */
    private static final class Orders {
        final UUID[] orderIds;
        private final List<HttpApi> instances;
        final long[] answered;
        final long[] visibleWallMillis;
        final AtomicLongArray visible;
        final String[] status;
        final Map<UUID, Integer> pending = new ConcurrentHashMap<>();
        final AtomicLong firstPost = new AtomicLong(Long.MAX_VALUE);
        final AtomicReference<String> failure = new AtomicReference<>();
        private final CompletableFuture<?>[] settled;

        Orders(int count, List<HttpApi> instances) {
            this.instances = instances;
            orderIds = new UUID[count];
            for (int i = 0; i < count; i++) {
                orderIds[i] = UUID.randomUUID();
            }
            answered = new long[count];
            visibleWallMillis = new long[count];
            visible = new AtomicLongArray(count);
            status = new String[count];
            settled = new CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                settled[i] = new CompletableFuture<>();
            }
        }

        HttpApi placedOn(int index) {
            return instances.get(placedOnInstance(index, instances.size()));
        }

        HttpApi readFrom(int index) {
            return instances.get(readFromInstance(index, instances.size()));
        }

        void awaitSettled(int index) throws Exception {
            settled[index].get(SETTLE_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        }

        void watch(BenchRun run, String database, ExecutorService readers) {
            try (Connection connection = run.postgres.connect(database);
                 PreparedStatement query = connection.prepareStatement("select order_id from "
                         + ReplayBaseline.schemaOf(connection) + ".order_history "
                         + "where order_id = any(?) and status <> 'PENDING'")) {
                while (!Thread.currentThread().isInterrupted()) {
                    if (!pending.isEmpty()) {
                        query.setArray(1, connection.createArrayOf("uuid", pending.keySet().toArray()));
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                UUID orderId = (UUID) rows.getObject(1);
                                Integer index = pending.remove(orderId);
                                if (index != null) {
                                    readers.submit(() -> read(readFrom(index), index));
                                }
                            }
                        }
                    }
                    Thread.sleep(WATCH_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                fail("watcher: " + e);
            }
        }

        private void read(HttpApi api, int index) {
            try {
                JsonNode order = api.getJson("/orders/" + orderIds[index]);
                visible.set(index, System.nanoTime());
                visibleWallMillis[index] = System.currentTimeMillis();
                status[index] = order.get("status").asText();
                settled[index].complete(null);
            } catch (RuntimeException e) {
                fail("GET /orders/" + orderIds[index] + ": " + e.getMessage());
            }
        }

        private void fail(String reason) {
            failure.compareAndSet(null, reason);
            for (CompletableFuture<?> future : settled) {
                future.completeExceptionally(new IllegalStateException(reason));
            }
        }
    }

    /** Round robin: order {@code index} is placed on this one of {@code instances}. */
    static int placedOnInstance(int index, int instances) {
        return index % instances;
    }

    /** The instance after the one an order was placed on, so that with several its GET crosses to another JVM. */
    static int readFromInstance(int index, int instances) {
        return (placedOnInstance(index, instances) + 1) % instances;
    }

    /** The rows a confirmed order produced, in order: every event of its trace (the saga keeps the trace id). */
    private static List<StoredEvent> chainOf(BenchRun run, String database, UUID[] orderIds, String[] status)
            throws Exception {
        UUID confirmed = null;
        for (int i = 0; i < orderIds.length && confirmed == null; i++) {
            if ("CONFIRMED".equals(status[i])) {
                confirmed = orderIds[i];
            }
        }
        try (Connection connection = run.postgres.connect(database);
             PreparedStatement query = connection.prepareStatement("select " + String.join(", ",
                     "global_index", "aggregate_identifier", "sequence_number", "type", "event_identifier", "meta_data",
                     "payload", "payload_revision", "payload_type", "time_stamp") + " from axon.domain_event_entry "
                     + "where convert_from(meta_data, 'UTF8')::json ->> 'traceId' = (select convert_from(meta_data, 'UTF8')::json ->> 'traceId' "
                     + "from axon.domain_event_entry where aggregate_identifier = ? and sequence_number = 0) order by global_index")) {
            query.setString(1, String.valueOf(confirmed));
            List<StoredEvent> chain = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    chain.add(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5), rows.getBytes(6), rows.getBytes(7), rows.getString(8), rows.getString(9),
                            rows.getString(10)));
                }
            }
            if (chain.isEmpty()) {
                throw new IllegalStateException("no stored events for order " + confirmed);
            }
            return chain;
        }
    }
}
