package dev.orderflow.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The Postgres server Orderflow starts inside its own JVM when no external database is configured
 * ({@code spring.datasource.url}, set from {@code ORDERFLOW_DB_URL}, is empty).
 *
 * @param enabled       start the embedded server when no external database is configured
 * @param dataDirectory where the server keeps its data; empty for a throw-away directory (tests),
 *                      a path for data that survives a restart (the standalone run)
 * @param port          the port to listen on; 0 picks a free one
 */
@ConfigurationProperties("orderflow.embedded-postgres")
public record EmbeddedPostgresProperties(Boolean enabled, Path dataDirectory, Integer port) {

    public EmbeddedPostgresProperties {
        enabled = enabled == null || enabled;
        port = port == null ? 0 : port;
    }
}
