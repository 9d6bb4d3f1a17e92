package dev.orderflow.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps Postgres's statistics of a read model's tables current while a replay or a rebuild fills them from empty.
 * <p>
 * Postgres plans a prepared statement that runs often once, for any parameters, from the tables' statistics; for
 * an empty table those say "a few pages", and a lookup of many ids ({@code where order_id = any(?)}, a batch's
 * lookups) gets a sequential scan. The plan stays until the statistics change, and autovacuum looks at a table
 * at most once a minute, often after a rebuild has ended: the scan grew with the table, and in the bench these
 * lookups took more of Postgres's time than any write. So a catch-up analyses its tables itself, the first time
 * after {@value #FIRST_ANALYSIS_AFTER_EVENTS} events and again each time the events handled have doubled (about
 * ten times over a million events); {@code ANALYZE} takes no lock that stops the writes, and new statistics make
 * Postgres plan the statements again.
 */
public final class CatchUpStatistics {

    private static final Logger log = LoggerFactory.getLogger(CatchUpStatistics.class);
    static final long FIRST_ANALYSIS_AFTER_EVENTS = 2_000;
    private static final CatchUpStatistics NONE = new CatchUpStatistics(null, null);

    private final DataSource dataSource;
    private final String schema;
    private long analysedAtEvents;

    private CatchUpStatistics(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** For the tables of {@code schema}. */
    public static CatchUpStatistics of(DataSource dataSource, String schema) {
        return dataSource == null ? NONE : new CatchUpStatistics(dataSource, schema);
    }

    /** For a read model without a schema of its own: analyses nothing. */
    public static CatchUpStatistics none() {
        return NONE;
    }

    /** Called as the catch-up advances, from one thread, with the events it has handled so far. */
    public void handled(long events) {
        if (dataSource == null || events < Math.max(FIRST_ANALYSIS_AFTER_EVENTS, 2 * analysedAtEvents)) {
            return;
        }
        analysedAtEvents = events;
        analyse();
    }

    /** Analyses every table of the schema now; a failure is logged, since only the speed depends on it. */
    public void analyse() {
        if (dataSource == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tablesOf(connection, schema)) {
                statement.execute("analyze " + quoted(schema) + "." + quoted(table));
            }
        } catch (SQLException e) {
            log.warn("Cannot analyse the tables of schema {} ({}); the catch-up goes on with older statistics",
                    schema, e.getMessage());
        }
    }

    /** The tables of a read model's schema, without Flyway's history. */
    public static List<String> tablesOf(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select table_name from information_schema.tables
                where table_schema = ? and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""")) {
            query.setString(1, schema);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
