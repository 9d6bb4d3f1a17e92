package dev.orderflow.shared.database;

import dev.orderflow.shared.embeddedpostgres.EmbeddedPostgresAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's database gets Axon's schema, migrated before anything uses it, on a real (embedded) Postgres. */
class SchemaMigrationAutoConfigurationIT {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class,
                    SchemaMigrationAutoConfiguration.class));

    @Test
    void axonsTablesAreMigratedWithTheContext() {
        service.run(context -> {
            assertThat(context).hasSingleBean(ServiceSchemaMigrations.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'axon'",
                    String.class)).contains("domain_event_entry", "token_entry", "saga_entry", "dead_letter_entry",
                    "scheduled_tasks");
        });
    }
}
