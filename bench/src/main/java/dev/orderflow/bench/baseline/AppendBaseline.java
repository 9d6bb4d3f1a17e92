package dev.orderflow.bench.baseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.bench.events.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The physical limit of an append: one event row inserted in a transaction of its own, through a connection
 * pool of the standalone's size, into a copy of Axon's event table (same columns, keys and indexes) beside
 * it on the same database. No framework, no HTTP, no aggregate: what the database alone costs.
 */
public final class AppendBaseline implements AutoCloseable {

    static final String TABLE = "bench.event_append";
    private static final String INSERT = "insert into " + TABLE + " (global_index, aggregate_identifier, sequence_number, "
            + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
            + "values (nextval('bench.event_append_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final HikariDataSource pool;
    private final List<UUID> aggregates;
    private final AtomicLongArray nextSequence;

    /**
     * @param eventTable the table to copy the layout of ({@code axon.domain_event_entry})
     * @param poolSize   the standalone's connection pool size
     * @param aggregates the aggregate ids the appends go round (as the commands do)
     */
    public AppendBaseline(String url, String user, String password, String eventTable, int poolSize,
                          List<UUID> aggregates) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setAutoCommit(true);
        config.setPoolName("append-baseline");
        this.pool = new HikariDataSource(config);
        this.aggregates = List.copyOf(aggregates);
        this.nextSequence = new AtomicLongArray(aggregates.size());
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists bench");
            statement.execute("drop table if exists " + TABLE);
            statement.execute("drop sequence if exists bench.event_append_seq");
            statement.execute("create table " + TABLE + " (like " + eventTable + " including all)");
            statement.execute("create sequence bench.event_append_seq");
        }
    }

    /** Appends a copy of {@code template} (its payload and metadata bytes) for operation {@code index}. */
    public void append(int index, StoredEvent template) throws SQLException {
        int aggregate = index % aggregates.size();
        insert(aggregates.get(aggregate).toString(), nextSequence.getAndIncrement(aggregate), template);
    }

    /** Appends a copy of {@code template} as the first event (sequence 0) of a new aggregate, as a create does. */
    public void appendFirst(StoredEvent template) throws SQLException {
        insert(UUID.randomUUID().toString(), 0, template);
    }

    /**
     * How many of the pool's connections show which {@code synchronous_commit}: takes all of them at once (the
     * pool keeps them open, so these are the sessions the appends use) and asks each.
     */
    public Map<String, Integer> synchronousCommitOfEveryConnection() throws SQLException {
        List<Connection> held = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            for (Connection connection : held) {
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("show synchronous_commit")) {
                    result.next();
                    seen.merge(result.getString(1), 1, Integer::sum);
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return seen;
    }

    /**
     * Appends copies of a whole chain of events, one transaction each, one after the other, as a saga's steps
     * append them; each aggregate of the chain gets a fresh id, so chains never meet.
     */
    public void appendChain(List<StoredEvent> chain) throws SQLException {
        Map<String, String> freshIds = new HashMap<>();
        for (StoredEvent event : chain) {
            String aggregateId = freshIds.computeIfAbsent(event.aggregateId(), id -> UUID.randomUUID().toString());
            insert(aggregateId, event.sequenceNumber(), event);
        }
    }

    private void insert(String aggregateId, long sequenceNumber, StoredEvent template) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, aggregateId);
            insert.setLong(2, sequenceNumber);
            insert.setString(3, template.type());
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, template.metaData());
            insert.setBytes(6, template.payload());
            insert.setString(7, template.revision());
            insert.setString(8, template.payloadType());
            insert.setString(9, template.timestamp());
            insert.executeUpdate();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
