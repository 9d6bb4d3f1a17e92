package dev.orderflow.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.bench.events.EventTable;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * The physical limit of a replay of the order history: one JDBC query streams every event of the store in
 * order (the same rows the replay reads), each event the order history handles is parsed (Jackson tree) and
 * turned into the rows the projection writes, and those rows go out as batched upserts, one transaction per
 * {@value #EVENTS_PER_TRANSACTION} events, into copies of the order-history tables (same columns, keys and
 * indexes) in schema {@code bench}. Reading and writing overlap (two threads, two connections), and names and
 * prices are kept in memory instead of being read back: a baseline does the least work that produces the same
 * rows.
 */
public final class ReplayBaseline {

    static final int EVENTS_PER_TRANSACTION = 1000;
    private static final String API = "dev.orderflow.api.";
    private static final List<String> TABLES =
            List.of("order_history", "order_history_line", "order_history_customer", "order_history_product");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param events        events read
     * @param handled       events the order history handles (the others are only read)
     * @param orders        orders in the rebuilt table
     * @param sumOfTotals   the sum of every order's total, to compare with the projection's
     */
    public record Result(long events, long handled, double seconds, long orders, BigDecimal sumOfTotals) {
        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    private ReplayBaseline() {
    }

    /**
     * The schema the order-history read model keeps its tables in (it has moved before: found, not assumed),
     * from its main table, {@code order_history}.
     */
    public static String schemaOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet schema = statement.executeQuery("select table_schema from information_schema.tables "
                     + "where table_name = 'order_history' and table_schema <> 'bench' order by table_schema")) {
            if (!schema.next()) {
                throw new IllegalStateException("no order_history table: has the order-history read model been renamed?");
            }
            return schema.getString(1);
        }
    }

    /** Creates empty copies of the order-history tables of {@code querySchema} in schema {@code bench}. */
    public static void prepare(Connection connection, String querySchema) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists bench");
            for (String table : TABLES) {
                statement.execute("drop table if exists bench." + table);
                statement.execute("create table bench." + table + " (like " + querySchema + "." + table + " including all)");
            }
        }
    }

    /**
     * Reads on one connection and writes on the other, in two threads: while the rows of one batch are written,
     * the events of the next are read and parsed.
     *
     * @param read  reads the events (in a transaction, with a cursor)
     * @param write writes the rows
     */
    public static Result run(Connection read, Connection write, EventTable events, LongConsumer progress)
            throws SQLException, InterruptedException {
        read.setAutoCommit(false);
        write.setAutoCommit(false);
        long start = System.nanoTime();
        long count = 0;
        long handled = 0;
        BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(4);
        AtomicReference<Exception> writeFailure = new AtomicReference<>();
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (Writer rows = new Writer(write)) {
                for (Batch batch = batches.take(); !batch.isEnd(); batch = batches.take()) {
                    rows.write(batch);
                    progress.accept(written.addAndGet(batch.events));
                }
            } catch (Exception e) {
                writeFailure.set(e);
                batches.clear();
            }
        }, "replay-baseline-writer");
        writer.start();
        try (PreparedStatement query = read.prepareStatement("select payload_type, " + events.bytesOf("payload")
                + ", sequence_number, time_stamp from " + events.name() + " order by global_index")) {
            query.setFetchSize(2000);
            Rows rows = new Rows();
            try (ResultSet result = query.executeQuery()) {
                while (result.next() && writeFailure.get() == null) {
                    if (rows.handle(result.getString(1), result, result.getLong(3), result.getString(4))) {
                        handled++;
                    }
                    if (++count % EVENTS_PER_TRANSACTION == 0) {
                        batches.put(rows.take(EVENTS_PER_TRANSACTION));
                    }
                }
            }
            if (writeFailure.get() == null) {
                batches.put(rows.take((int) (count % EVENTS_PER_TRANSACTION)));
            }
        } finally {
            batches.put(Batch.END);
            writer.join();
        }
        if (writeFailure.get() != null) {
            throw new IllegalStateException("the baseline's writes failed", writeFailure.get());
        }
        read.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Statement statement = write.createStatement();
             ResultSet summary = statement.executeQuery("select count(*), coalesce(sum(total), 0) from bench.order_history")) {
            summary.next();
            Result result = new Result(count, handled, seconds, summary.getLong(1), summary.getBigDecimal(2));
            write.commit();
            return result;
        }
    }

    /** The orders and the sum of their totals in a rebuilt order history ({@code schema.order_history}). */
    public static Object[] summary(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet summary = statement.executeQuery("select count(*), coalesce(sum(total), 0) from " + schema
                     + ".order_history")) {
            summary.next();
            return new Object[]{summary.getLong(1), summary.getBigDecimal(2)};
        }
    }

    /** The rows of a batch of events: per statement, its parameter lists, in the order they were queued. */
    private static final class Batch {
        static final Batch END = new Batch(new LinkedHashMap<>(), -1);

        final Map<String, List<Object[]>> rows;
        final int events;

        Batch(Map<String, List<Object[]>> rows, int events) {
            this.rows = rows;
            this.events = events;
        }

        boolean isEnd() {
            return events < 0;
        }
    }

    /**
     * Turns events into the rows the order history holds, keeping what later events need (names, prices, the
     * lines of open orders) in memory.
     */
    private static final class Rows {

        private final Map<UUID, String> customerNames = new HashMap<>();
        private final Map<UUID, Product> products = new HashMap<>();
        private final Map<UUID, Map<UUID, Line>> openOrders = new HashMap<>();
        private Map<String, List<Object[]>> queued = newQueue();

        private static Map<String, List<Object[]>> newQueue() {
            Map<String, List<Object[]>> queue = new LinkedHashMap<>();
            Writer.STATEMENTS.keySet().forEach(statement -> queue.put(statement, new ArrayList<>()));
            return queue;
        }

        /** What was queued since the last call, as one batch of {@code events} events. */
        Batch take(int events) {
            Batch batch = new Batch(queued, events);
            queued = newQueue();
            return batch;
        }

        /** Queues the rows for one event; false if the order history does not handle its type. */
        boolean handle(String payloadType, ResultSet row, long sequenceNumber, String timestamp) throws SQLException {
            if (!payloadType.startsWith(API)) {
                return false;
            }
            switch (payloadType.substring(API.length())) {
                case "customer.CustomerRegisteredEvent" -> {
                    JsonNode event = parse(row);
                    UUID customerId = uuid(event, "customerId");
                    String name = event.get("name").asText();
                    customerNames.put(customerId, name);
                    batch("customer", customerId, name);
                }
                case "customer.CustomerRenamedEvent" -> {
                    JsonNode event = parse(row);
                    UUID customerId = uuid(event, "customerId");
                    String name = event.get("name").asText();
                    customerNames.put(customerId, name);
                    batch("customerRename", name, customerId);
                    batch("customerName", name, customerId);
                }
                case "inventory.ProductAddedEvent" -> {
                    JsonNode event = parse(row);
                    UUID productId = uuid(event, "productId");
                    Product product = new Product(event.get("name").asText(), event.get("price").decimalValue());
                    products.put(productId, product);
                    batch("product", productId, product.name, product.price);
                }
                case "inventory.ProductRenamedEvent" -> {
                    JsonNode event = parse(row);
                    UUID productId = uuid(event, "productId");
                    Product known = products.get(productId);
                    String name = event.get("name").asText();
                    if (known != null) {
                        products.put(productId, new Product(name, known.price));
                        batch("productRename", name, productId);
                        batch("productName", name, productId);
                    }
                }
                case "inventory.ProductPriceChangedEvent" -> {
                    JsonNode event = parse(row);
                    UUID productId = uuid(event, "productId");
                    Product known = products.get(productId);
                    if (known != null) {
                        BigDecimal price = event.get("price").decimalValue();
                        products.put(productId, new Product(known.name, price));
                        batch("reprice", price, productId);
                    }
                }
                case "order.OrderPlacedEvent" -> {
                    JsonNode event = parse(row);
                    UUID orderId = uuid(event, "orderId");
                    UUID customerId = uuid(event, "customerId");
                    OffsetDateTime at = time(timestamp);
                    Map<UUID, Line> lines = new LinkedHashMap<>();
                    int number = 0;
                    for (JsonNode line : event.get("lines")) {
                        UUID productId = uuid(line, "productId");
                        Product product = products.get(productId);
                        Line entry = new Line(line.get("quantity").asInt(), product == null ? null : product.price);
                        lines.put(productId, entry);
                        batch("line", orderId, productId, number++, product == null ? null : product.name,
                                entry.quantity, entry.price);
                    }
                    openOrders.put(orderId, lines);
                    batch("order", orderId, customerId, customerNames.get(customerId), total(lines), at, at,
                            sequenceNumber);
                }
                case "inventory.StockReservedEvent" -> {
                    JsonNode event = parse(row);
                    UUID orderId = uuid(event, "orderId");
                    UUID productId = uuid(event, "productId");
                    Map<UUID, Line> lines = openOrders.get(orderId);
                    if (lines != null && lines.containsKey(productId)) {
                        BigDecimal price = event.get("unitPrice").decimalValue();
                        lines.put(productId, new Line(lines.get(productId).quantity, price));
                        batch("reserve", price, orderId, productId);
                        batch("total", total(lines), time(timestamp), orderId);
                    }
                }
                case "order.OrderConfirmedEvent" -> status(row, "CONFIRMED", sequenceNumber, timestamp);
                case "order.OrderRejectedEvent" -> status(row, "REJECTED", sequenceNumber, timestamp);
                case "order.OrderCancelledEvent" -> status(row, "CANCELLED", sequenceNumber, timestamp);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void status(ResultSet row, String status, long sequenceNumber, String timestamp) throws SQLException {
            UUID orderId = uuid(parse(row), "orderId");
            openOrders.remove(orderId);
            batch("status", status, sequenceNumber, time(timestamp), orderId, sequenceNumber);
        }

        private void batch(String statement, Object... values) {
            queued.get(statement).add(values);
        }

        private static BigDecimal total(Map<UUID, Line> lines) {
            BigDecimal total = BigDecimal.ZERO;
            for (Line line : lines.values()) {
                if (line.price != null) {
                    total = total.add(line.price.multiply(BigDecimal.valueOf(line.quantity)));
                }
            }
            return total.setScale(2);
        }

        private static JsonNode parse(ResultSet row) throws SQLException {
            try {
                return JSON.readTree(row.getBytes(2));
            } catch (IOException e) {
                throw new IllegalStateException("an event payload is not JSON", e);
            }
        }

        private static UUID uuid(JsonNode node, String field) {
            return UUID.fromString(node.get(field).asText());
        }

        private static OffsetDateTime time(String timestamp) {
            return OffsetDateTime.ofInstant(Instant.parse(timestamp), ZoneOffset.UTC);
        }

        private record Product(String name, BigDecimal price) {
        }

        private record Line(int quantity, BigDecimal price) {
        }
    }

    /** Writes batches, each in one transaction, its statements in an order that keeps every row consistent. */
    private static final class Writer implements AutoCloseable {

        /**
         * Sent in this order: rows are inserted before anything updates them. Each id is inserted once per store
         * (a creation event), so the driver may turn a batch of inserts into one multi-row insert.
         */
        static final Map<String, String> STATEMENTS = new LinkedHashMap<>();

        static {
            STATEMENTS.put("customer", "insert into bench.order_history_customer (customer_id, name) values (?, ?) "
                    + "on conflict (customer_id) do update set name = excluded.name");
            STATEMENTS.put("product", "insert into bench.order_history_product (product_id, name, price) values (?, ?, ?) "
                    + "on conflict (product_id) do update set name = excluded.name, price = excluded.price");
            STATEMENTS.put("order", "insert into bench.order_history (order_id, customer_id, customer_name, status, total, "
                    + "placed_at, updated_at, version) values (?, ?, ?, 'PENDING', ?, ?, ?, ?) on conflict (order_id) do nothing");
            STATEMENTS.put("line", "insert into bench.order_history_line (order_id, product_id, line_number, product_name, "
                    + "quantity, unit_price, price_reserved) values (?, ?, ?, ?, ?, ?, false) on conflict do nothing");
            STATEMENTS.put("customerRename", "update bench.order_history_customer set name = ? where customer_id = ?");
            STATEMENTS.put("productRename", "update bench.order_history_product set name = ? where product_id = ?");
            STATEMENTS.put("reprice", "update bench.order_history_product set price = ? where product_id = ?");
            STATEMENTS.put("customerName", "update bench.order_history set customer_name = ? where customer_id = ?");
            STATEMENTS.put("productName", "update bench.order_history_line set product_name = ? where product_id = ?");
            STATEMENTS.put("reserve", "update bench.order_history_line set unit_price = ?, price_reserved = true "
                    + "where order_id = ? and product_id = ?");
            STATEMENTS.put("total", "update bench.order_history set total = ?, updated_at = ? where order_id = ?");
            STATEMENTS.put("status", "update bench.order_history set status = ?, version = ?, updated_at = ? "
                    + "where order_id = ? and version < ?");
        }

        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            for (Map.Entry<String, String> statement : STATEMENTS.entrySet()) {
                statements.put(statement.getKey(), connection.prepareStatement(statement.getValue()));
            }
        }

        void write(Batch batch) throws SQLException {
            for (Map.Entry<String, List<Object[]>> rows : batch.rows.entrySet()) {
                if (rows.getValue().isEmpty()) {
                    continue;
                }
                PreparedStatement statement = statements.get(rows.getKey());
                for (Object[] values : rows.getValue()) {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        }
    }
}
