package dev.orderflow.distributed;

import dev.orderflow.distributed.support.OrderflowService;
import dev.orderflow.distributed.support.RunScript;
import dev.orderflow.distributed.support.ServiceEnvironment;
import dev.orderflow.shared.database.ServiceSchema;
import dev.orderflow.shared.database.ServiceSchemaMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One database and one user per service, on a real Postgres: created by {@code scripts/run-distributed.sh databases}
 * (the SQL the compose file's Postgres also runs), reached through each service's {@code distributed} profile, and
 * migrated by the service's own Flyway migrations as the service's own user. A user reaches its own database and no
 * other. (The embedded server trusts every local connection, so passwords are not checked here: privileges are.)
 */
class ServiceDatabasesIT {

    private static EmbeddedPostgres postgres;
    private static RunScript script;

    @BeforeAll
    static void createTheDatabasesAndMigrateEachServiceAsItsUser() throws IOException {
        RunScript.assumePsql();
        postgres = EmbeddedPostgres.builder().start();
        script = new RunScript(Map.of(
                "ORDERFLOW_PG_HOST", "localhost",
                "ORDERFLOW_PG_PORT", String.valueOf(postgres.getPort()),
                "ORDERFLOW_PG_ADMIN_USER", "postgres"));
        RunScript.Outcome created = script.run("databases");
        assertThat(created.exitCode()).as(created.output()).isZero();
        for (OrderflowService service : OrderflowService.values()) {
            new ServiceSchemaMigrations(dataSource(service, service.database()), schemasOf(service)).migrate();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void eachServiceOwnsItsDatabaseAndTheTablesFlywayMadeInIt(OrderflowService service) throws SQLException {
        try (Connection connection = dataSource(service, service.database()).getConnection()) {
            assertThat(single(connection, "select current_user")).isEqualTo(service.user());
            assertThat(single(connection, "select pg_catalog.pg_get_userbyid(datdba) from pg_database "
                                          + "where datname = current_database()")).isEqualTo(service.user());
            List<String> owners = column(connection, "select distinct tableowner from pg_tables "
                                                     + "where schemaname not in ('pg_catalog', 'information_schema')");
            assertThat(owners).containsExactly(service.user());
            assertThat(column(connection, "select schemaname || '.' || tablename from pg_tables"))
                    .contains("axon.token_entry", "axon.saga_entry", "axon.scheduled_tasks");
        }
    }

    @Test
    void theCommandSideKeepsItsEmailLookupInItsOwnDatabase() throws SQLException {
        try (Connection connection = dataSource(OrderflowService.COMMAND_SIDE, "orderflow_command").getConnection()) {
            assertThat(column(connection, "select schemaname || '.' || tablename from pg_tables"))
                    .contains("command.registered_email");
        }
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void aServiceUserCannotReachAnotherServicesTables(OrderflowService service) {
        for (OrderflowService other : OrderflowService.values()) {
            if (other == service) {
                continue;
            }
            SQLException refused = catchThrowableOfType(SQLException.class,
                    () -> dataSource(service, other.database()).getConnection().close());

            assertThat((Throwable) refused).as("%s reaching %s", service.user(), other.database()).isNotNull();
            assertThat(refused.getSQLState()).isEqualTo("42501");
            assertThat(refused.getMessage()).contains("permission denied for database \"" + other.database() + "\"");
        }
    }

    @Test
    void creatingTheDatabasesAgainKeepsWhatIsThere() throws SQLException {
        RunScript.Outcome again = script.run("databases");

        assertThat(again.exitCode()).as(again.output()).isZero();
        try (Connection connection = dataSource(OrderflowService.SAGA_COORDINATOR, "orderflow_saga").getConnection()) {
            assertThat(column(connection, "select schemaname || '.' || tablename from pg_tables"))
                    .contains("axon.saga_entry");
        }
    }

    /** The data source as the service's distributed profile describes it, on this test's Postgres and database. */
    private static PGSimpleDataSource dataSource(OrderflowService service, String database) {
        Environment environment = ServiceEnvironment.distributed(service, Map.of(
                "ORDERFLOW_PG_HOST", "localhost", "ORDERFLOW_PG_PORT", String.valueOf(postgres.getPort())));
        String url = environment.getRequiredProperty("spring.datasource.url");
        assertThat(url).endsWith("/" + service.database());
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url.substring(0, url.lastIndexOf('/') + 1) + database);
        dataSource.setUser(environment.getRequiredProperty("spring.datasource.username"));
        dataSource.setPassword(environment.getRequiredProperty("spring.datasource.password"));
        return dataSource;
    }

    /** The schemas each service declares (its module's {@code ServiceSchema} beans, and Axon's own). */
    private static List<ServiceSchema> schemasOf(OrderflowService service) {
        List<ServiceSchema> schemas = new ArrayList<>(List.of(new ServiceSchema("axon", "classpath:db/migration/axon")));
        switch (service) {
            case COMMAND_SIDE -> schemas.add(new ServiceSchema("command", "classpath:db/migration/command"));
            case QUERY_SIDE -> List.of("order_history", "customer_accounts", "catalogue", "shipments", "payments")
                    .forEach(readModel -> schemas.add(new ServiceSchema(readModel, "classpath:db/migration/query/" + readModel)));
            case SAGA_COORDINATOR -> {
            }
        }
        return schemas;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        List<String> values = column(connection, sql);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
