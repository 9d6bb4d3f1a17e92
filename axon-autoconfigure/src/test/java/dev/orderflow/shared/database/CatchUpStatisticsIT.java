package dev.orderflow.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class CatchUpStatisticsIT {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        execute("create schema order_history_rebuild");
        execute("create table order_history_rebuild.orders (id bigint primary key)");
        execute("create table order_history_rebuild.flyway_schema_history (id bigint primary key)");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void analysesTheFilledTablesAfterTheFirstEventsAndEachTimeTheyHaveDoubled() throws Exception {
        CatchUpStatistics statistics = CatchUpStatistics.of(dataSource, "order_history_rebuild");
        insertOrders(1, 1_000);

        statistics.handled(CatchUpStatistics.FIRST_ANALYSIS_AFTER_EVENTS - 1);
        assertThat(estimatedRows("orders")).as("never analysed").isEqualTo(-1);

        statistics.handled(CatchUpStatistics.FIRST_ANALYSIS_AFTER_EVENTS);
        assertThat(estimatedRows("orders")).isEqualTo(1_000);

        insertOrders(1_001, 3_000);
        statistics.handled(2 * CatchUpStatistics.FIRST_ANALYSIS_AFTER_EVENTS - 1);
        assertThat(estimatedRows("orders")).as("not doubled yet").isEqualTo(1_000);

        statistics.handled(2 * CatchUpStatistics.FIRST_ANALYSIS_AFTER_EVENTS);
        assertThat(estimatedRows("orders")).isEqualTo(3_000);
        assertThat(estimatedRows("flyway_schema_history")).as("Flyway's history is left alone").isEqualTo(-1);
    }

    private static long estimatedRows(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select reltuples from pg_class where oid = 'order_history_rebuild."
                     + table + "'::regclass")) {
            row.next();
            return (long) row.getFloat(1);
        }
    }

    private static void insertOrders(int first, int last) throws SQLException {
        execute("insert into order_history_rebuild.orders select generate_series(" + first + ", " + last + ")");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
