package dev.orderflow.bench.events;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Axon's {@code domain_event_entry} table in one of the two mappings the bench compares: Orderflow's, with
 * the serialized columns inline as {@code bytea} (schema {@code axon}, built by Flyway), or Axon's default
 * JPA mapping, with them as PostgreSQL large objects ({@code oid}, schema {@code axon_defaults}, built by
 * Hibernate). Loads generated events in bulk, in the mapping's own format.
 */
public final class EventTable {

    /** How the payload and metadata columns hold their bytes. */
    public enum Storage {
        BYTEA, LARGE_OBJECT
    }

    static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, type, event_identifier, "
            + "meta_data, payload, payload_revision, payload_type, time_stamp";
    private static final int ROWS_PER_COPY = 50_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String schema;
    private final Storage storage;

    private EventTable(String schema, Storage storage) {
        this.schema = schema;
        this.storage = storage;
    }

    /** The event table in {@code schema}, its storage read from the column type of its payload. */
    public static EventTable in(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select data_type from information_schema.columns "
                + "where table_schema = ? and table_name = 'domain_event_entry' and column_name = 'payload'")) {
            query.setString(1, schema);
            try (ResultSet type = query.executeQuery()) {
                if (!type.next()) {
                    throw new IllegalStateException("no " + schema + ".domain_event_entry table");
                }
                return switch (type.getString(1)) {
                    case "bytea" -> new EventTable(schema, Storage.BYTEA);
                    case "oid" -> new EventTable(schema, Storage.LARGE_OBJECT);
                    default -> throw new IllegalStateException(schema + ".domain_event_entry.payload is "
                            + type.getString(1) + ", neither bytea nor oid");
                };
            }
        }
    }

    public String name() {
        return schema + ".domain_event_entry";
    }

    public String schema() {
        return schema;
    }

    public Storage storage() {
        return storage;
    }

    /** The SQL that reads a serialized column as bytes, whatever the storage. */
    public String bytesOf(String column) {
        return storage == Storage.BYTEA ? column : "lo_get(" + column + ")";
    }

    public long count(Connection connection) throws SQLException {
        return single(connection, "select count(*) from " + name());
    }

    /** The first global index no event has and the sequence has not handed out (the JPA mapping may have reserved a block). */
    public long nextFreeIndex(Connection connection) throws SQLException {
        long max = single(connection, "select coalesce(max(global_index), 0) from " + name());
        long handedOut = single(connection, "select last_value from " + sequence());
        return Math.max(max, handedOut) + 1;
    }

    /** How far the global index sequence jumps per call: 1 with Orderflow's mapping, 50 with Hibernate's default. */
    public long sequenceIncrement(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select increment_by from pg_sequences where schemaname = ? and sequencename = 'domain_event_entry_seq'")) {
            query.setString(1, schema);
            try (ResultSet increment = query.executeQuery()) {
                if (!increment.next()) {
                    throw new IllegalStateException("no sequence " + sequence());
                }
                return increment.getLong(1);
            }
        }
    }

    /**
     * Loads {@code count} generated events with global indexes from {@code firstIndex} on, moves the global index
     * sequence past them, and vacuums the table, so the first reader does not pay for setting hint bits.
     * Nothing may append to the table meanwhile.
     *
     * @param loaded told how many events are in so far
     */
    public void load(Connection connection, EventGenerator generator, long firstIndex, long count, LongConsumer loaded)
            throws SQLException {
        connection.setAutoCommit(true);
        String target = name();
        if (storage == Storage.LARGE_OBJECT) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists bench");
                statement.execute("drop table if exists bench.event_staging");
                statement.execute("create unlogged table bench.event_staging (global_index bigint, aggregate_identifier "
                        + "varchar(255), sequence_number bigint, type varchar(255), event_identifier varchar(255), "
                        + "meta_data bytea, payload bytea, payload_revision varchar(255), payload_type varchar(255), "
                        + "time_stamp varchar(255))");
            }
            target = "bench.event_staging";
        }
        CopyWriter writer = new CopyWriter(connection.unwrap(PGConnection.class), target, loaded);
        generator.generate(firstIndex, count, writer::add);
        writer.finish();
        long lastIndex = firstIndex + count - 1;
        try (Statement statement = connection.createStatement()) {
            if (storage == Storage.LARGE_OBJECT) {
                // Each serialized column becomes a large object, as Hibernate writes @Lob byte[] with the stock dialect.
                statement.execute("insert into " + name() + " (" + COLUMNS + ") select global_index, aggregate_identifier, "
                        + "sequence_number, type, event_identifier, lo_from_bytea(0, meta_data), lo_from_bytea(0, payload), "
                        + "payload_revision, payload_type, time_stamp from bench.event_staging");
                statement.execute("drop table bench.event_staging");
            }
            statement.execute("select setval('" + sequence() + "', " + (lastIndex + sequenceIncrement(connection) - 1) + ")");
            statement.execute("vacuum (analyze) " + name());
        }
    }

    /** A stored example of each of the given payload types (the newest), to compare generated events with. */
    public Map<String, StoredEvent> examples(Connection connection, Collection<String> payloadTypes) throws SQLException {
        Map<String, StoredEvent> examples = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select " + COLUMNS.replace("meta_data, payload",
                bytesOf("meta_data") + ", " + bytesOf("payload")) + " from " + name()
                + " where payload_type = ? order by global_index desc limit 1")) {
            for (String payloadType : payloadTypes) {
                query.setString(1, payloadType);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        examples.put(payloadType, read(row));
                    }
                }
            }
        }
        return examples;
    }

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                row.getBytes(6), row.getBytes(7), row.getString(8), row.getString(9), row.getString(10));
    }

    private String sequence() {
        return schema + ".domain_event_entry_seq";
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Appends one line of COPY's text format for an event. */
    static void appendCopyLine(StringBuilder line, StoredEvent event) {
        line.append(event.globalIndex()).append('\t')
            .append(event.aggregateId()).append('\t')
            .append(event.sequenceNumber()).append('\t')
            .append(text(event.type())).append('\t')
            .append(event.eventId()).append('\t');
        hex(line, event.metaData());
        line.append('\t');
        hex(line, event.payload());
        line.append('\t')
            .append(text(event.revision())).append('\t')
            .append(text(event.payloadType())).append('\t')
            .append(text(event.timestamp())).append('\n');
    }

    private static String text(String value) {
        if (value == null) {
            return "\\N";
        }
        if (value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r' || c == '\\')) {
            throw new IllegalArgumentException("the bench writes no tabs, line breaks or backslashes: " + value);
        }
        return value;
    }

    /** bytea in COPY text: {@code \\x} and hex digits (the backslash doubled, as COPY unescapes it once). */
    private static void hex(StringBuilder out, byte[] bytes) {
        if (bytes == null) {
            out.append("\\N");
            return;
        }
        out.append("\\\\x");
        for (byte value : bytes) {
            out.append(HEX[(value >> 4) & 0xF]).append(HEX[value & 0xF]);
        }
    }

    /** Streams events into COPY statements of {@value #ROWS_PER_COPY} rows, each committed on its own. */
    private static final class CopyWriter {
        private final PGConnection connection;
        private final String target;
        private final LongConsumer loaded;
        private final StringBuilder buffer = new StringBuilder(1 << 21);
        private CopyIn copy;
        private long rows;
        private long rowsInCopy;

        CopyWriter(PGConnection connection, String target, LongConsumer loaded) {
            this.connection = connection;
            this.target = target;
            this.loaded = loaded;
        }

        void add(StoredEvent event) {
            try {
                if (copy == null) {
                    copy = connection.getCopyAPI().copyIn("copy " + target + " (" + COLUMNS + ") from stdin");
                }
                appendCopyLine(buffer, event);
                rows++;
                rowsInCopy++;
                if (buffer.length() > (1 << 20)) {
                    flush();
                }
                if (rowsInCopy == ROWS_PER_COPY) {
                    flush();
                    copy.endCopy();
                    copy = null;
                    rowsInCopy = 0;
                    loaded.accept(rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into " + target + " failed after " + rows + " rows", e);
            }
        }

        void finish() throws SQLException {
            if (copy != null) {
                flush();
                copy.endCopy();
                copy = null;
            }
            loaded.accept(rows);
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
