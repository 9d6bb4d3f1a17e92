package dev.orderflow.shared.embeddedpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded Postgres server per data directory per JVM, shared by every application context that
 * uses it: a test suite starts many contexts, and they share the one server of their JVM. On a
 * throw-away server each context gets a fresh database of its own, so two contexts never share
 * tokens, sagas or read models (they would otherwise act as two nodes of one service).
 * <p>
 * The server stops when the last context using it closes: its lease is a bean that the data source
 * depends on, so Spring destroys it last, after the web server, Axon's processors, the deadline
 * scheduler and the connection pool have let go of the database. The library's own JVM shutdown hook is
 * off: it ran alongside Spring's and stopped the server while the processors were still releasing their
 * token claims. A server that no context released (one used outside Spring) stops once Spring Boot has
 * closed every context at JVM exit; a server of a killed JVM is stopped by the next start
 * ({@link OrphanedPostmaster}).
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String EPHEMERAL = "<ephemeral>";
    private static final Map<String, EmbeddedPostgresServer> RUNNING = new HashMap<>();
    private static final AtomicInteger CONTEXT_DATABASES = new AtomicInteger();
    private static boolean stopAtExitRegistered;

    private final String key;
    private final boolean ephemeral;
    private final EmbeddedPostgres postgres;
    private int users;
    private boolean stopped;

    private EmbeddedPostgresServer(String key, boolean ephemeral, EmbeddedPostgres postgres) {
        this.key = key;
        this.ephemeral = ephemeral;
        this.postgres = postgres;
    }

    /** A database on the running server for these properties, started if needed; release it with {@link #release()}. */
    public static Lease acquire(EmbeddedPostgresProperties properties) {
        Path dataDirectory = properties.dataPath();
        String key = dataDirectory == null ? EPHEMERAL : dataDirectory.toAbsolutePath().normalize().toString();
        synchronized (RUNNING) {
            if (!stopAtExitRegistered) {
                // Runs after Spring Boot's shutdown hook has closed every context, never alongside it.
                SpringApplication.getShutdownHandlers().add(EmbeddedPostgresServer::stopUnreleased);
                stopAtExitRegistered = true;
            }
            EmbeddedPostgresServer server = RUNNING.computeIfAbsent(key, k -> start(k, dataDirectory, properties.port()));
            server.users++;
            String database = server.ephemeral ? server.createDatabase() : "postgres";
            return new Lease(server, server.postgres.getJdbcUrl("postgres", database));
        }
    }

    /** One application context's use of a server: its database's URL. */
    public record Lease(EmbeddedPostgresServer server, String jdbcUrl) {
        public void release() {
            server.release();
        }
    }

    private void release() {
        synchronized (RUNNING) {
            if (--users == 0) {
                RUNNING.remove(key);
                stop();
            }
        }
    }

    private static void stopUnreleased() {
        List<EmbeddedPostgresServer> unreleased;
        synchronized (RUNNING) {
            unreleased = List.copyOf(RUNNING.values());
            RUNNING.clear();
        }
        unreleased.forEach(EmbeddedPostgresServer::stop);
    }

    private String createDatabase() {
        String database = "orderflow_" + CONTEXT_DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on the embedded Postgres", e);
        }
    }

    private static EmbeddedPostgresServer start(String key, Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    // A throw-away test database need not survive a power cut; the standalone data must.
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                // A run killed before its shutdown hooks ran left its server holding the directory.
                OrphanedPostmaster.stopIfAny(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(key, dataDirectory == null, builder.start());
            // The one place that says where the database is, for psql or any SQL client (docs/event-store.md).
            log.info("Embedded Postgres at jdbc:postgresql://localhost:{}/postgres (user postgres, password postgres), data in {}",
                    server.postgres.getPort(),
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
            log.info("Embedded Postgres on port {} stopped", postgres.getPort());
        } catch (IOException e) {
            log.warn("Embedded Postgres did not stop cleanly", e);
        }
    }
}
