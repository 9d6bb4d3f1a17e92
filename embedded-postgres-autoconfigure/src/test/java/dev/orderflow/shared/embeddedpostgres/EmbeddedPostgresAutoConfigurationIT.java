package dev.orderflow.shared.embeddedpostgres;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server starts only when nothing else gives the application its database. */
class EmbeddedPostgresAutoConfigurationIT {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

    @Test
    void withoutADatabaseOfItsOwnTheApplicationGetsARunningServer() {
        application.run(context -> {
            assertThat(context).hasSingleBean(EmbeddedPostgresServer.Lease.class);
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class))
                    .isEqualTo(1);
        });
    }

    @Test
    void anExternalDatabaseUrlMeansNoServer() {
        application.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/orders")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.Lease.class)
                        .doesNotHaveBean(DataSource.class));
    }

    @Test
    void theServerCanBeTurnedOff() {
        application.withPropertyValues("orderflow.embedded-postgres.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.Lease.class));
    }

    @Test
    void aDataSourceOfTheApplicationsOwnReplacesTheServer() {
        DataSource own = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");

        application.withBean(DataSource.class, () -> own)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.Lease.class);
                    assertThat(context).getBean(DataSource.class).isSameAs(own);
                });
    }
}
