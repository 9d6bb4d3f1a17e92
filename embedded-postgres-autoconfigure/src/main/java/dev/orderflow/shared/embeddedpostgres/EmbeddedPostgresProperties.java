package dev.orderflow.shared.embeddedpostgres;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The Postgres server Orderflow starts inside its own JVM when no external database is configured
 * ({@code spring.datasource.url}, set from {@code ORDERFLOW_DB_URL}, is empty).
 *
 * @param enabled       start the embedded server when no external database is configured
 * @param dataDirectory where the server keeps its data, which then survives a restart (the standalone
 *                      run); empty for a throw-away server in a temporary directory (tests), on which
 *                      every application context gets a database of its own
 * @param port          the port to listen on; 0 picks a free one
 */
@ConfigurationProperties("orderflow.embedded-postgres")
public record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled, String dataDirectory,
                                         @DefaultValue("0") int port) {

    /** The data directory, or null for a throw-away server. */
    public Path dataPath() {
        return dataDirectory == null || dataDirectory.isBlank() ? null : Path.of(dataDirectory);
    }
}
