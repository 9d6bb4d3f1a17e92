package dev.orderflow.bench.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The server's {@code synchronous_commit}, switched for every session at once, already open ones included:
 * {@code ALTER SYSTEM SET} and {@code pg_reload_conf()} change the default of every session that did not
 * {@code SET} it itself (nor got it from {@code ALTER DATABASE}/{@code ALTER ROLE} or the server's command
 * line). Each switch is checked on a witness, a connection to the measured database opened before any switch;
 * {@link #restore()} puts the server's own setting back, and a shutdown hook does so if the bench is stopped.
 */
public final class SynchronousCommit implements AutoCloseable {

    private static final long SWITCH_TIMEOUT_MILLIS = 5_000;

    private final Connection witness;
    private final String user;
    private final String serverValue;
    private final String serverSource;
    private final List<String> overrides;
    private String current;
    private boolean altered;
    private Thread restoreOnExit;

    private SynchronousCommit(Connection witness, String user, String serverValue, String serverSource,
                              List<String> overrides) {
        this.witness = witness;
        this.user = user;
        this.serverValue = serverValue;
        this.serverSource = serverSource;
        this.overrides = overrides;
        this.current = serverValue;
    }

    /** Opens the witness on {@code database} and reads the server's setting and where it comes from. */
    public static SynchronousCommit open(Postgres postgres, String database) throws SQLException {
        Connection witness = postgres.connect(database);
        try {
            String[] setting = setting(witness);
            return new SynchronousCommit(witness, postgres.user(), setting[0], setting[1], overrides(witness));
        } catch (SQLException | RuntimeException e) {
            witness.close();
            throw e;
        }
    }

    /** The other setting of the two the bench compares: {@code off} against any waiting one ({@code on}, {@code local}, ...). */
    public static String opposite(String value) {
        return value.equals("off") ? "on" : "off";
    }

    /** The server's own setting, before any switch. */
    public String serverValue() {
        return serverValue;
    }

    /** Where the server's setting comes from ({@code pg_settings.source}: "configuration file", "command line", ...). */
    public String serverSource() {
        return serverSource;
    }

    /** {@code ALTER DATABASE}/{@code ALTER ROLE} settings of synchronous_commit on the server, as "database / role: value". */
    public List<String> overrides() {
        return overrides;
    }

    public String current() {
        return current;
    }

    /**
     * Sets {@code value} for every session of the server and waits until the witness shows it. Answers why not
     * when it cannot: the user may not {@code ALTER SYSTEM}, or the sessions keep their setting because it comes
     * from somewhere {@code ALTER SYSTEM} does not override; the server then keeps (or gets back) its own setting.
     */
    public Optional<String> switchTo(String value) throws SQLException {
        if (!value.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a synchronous_commit value: " + value);
        }
        if (value.equals(current)) {
            return Optional.empty();
        }
        try (Statement statement = witness.createStatement()) {
            statement.execute("alter system set synchronous_commit = '" + value + "'");
        } catch (SQLException e) {
            return Optional.of("user " + user + " may not change it with ALTER SYSTEM (" + e.getMessage().strip() + ")");
        }
        altered = true;
        if (restoreOnExit == null) {
            restoreOnExit = new Thread(this::restoreQuietly, "restore-synchronous-commit");
            Runtime.getRuntime().addShutdownHook(restoreOnExit);
        }
        reload();
        String[] seen = awaitWitness(value);
        if (!seen[0].equals(value)) {
            restore();
            return Optional.of("ALTER SYSTEM and a reload left open sessions at " + seen[0] + " (their setting comes from: "
                    + seen[1] + ")");
        }
        current = value;
        return Optional.empty();
    }

    /** Puts the server's own setting back: {@code ALTER SYSTEM RESET}, or the value it had if that came from ALTER SYSTEM too. */
    public void restore() throws SQLException {
        if (!altered) {
            return;
        }
        try (Statement statement = witness.createStatement()) {
            statement.execute("alter system reset synchronous_commit");
        }
        reload();
        if (!awaitWitness(serverValue)[0].equals(serverValue)) {
            try (Statement statement = witness.createStatement()) {
                statement.execute("alter system set synchronous_commit = '" + serverValue + "'");
            }
            reload();
            String[] seen = awaitWitness(serverValue);
            if (!seen[0].equals(serverValue)) {
                throw new IllegalStateException("could not put synchronous_commit back to " + serverValue + ": sessions show "
                        + seen[0]);
            }
        }
        altered = false;
        current = serverValue;
        if (restoreOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or ran
            }
            restoreOnExit = null;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            restore();
        } finally {
            witness.close();
        }
    }

    private void restoreQuietly() {
        try {
            restore();
        } catch (SQLException | RuntimeException e) {
            System.err.println("bench: could not put synchronous_commit back to " + serverValue + ": " + e);
        }
    }

    private void reload() throws SQLException {
        try (Statement statement = witness.createStatement()) {
            statement.execute("select pg_reload_conf()");
        }
    }

    /** Polls the witness until it shows {@code value} or the time is up; answers what it showed last, and its source. */
    private String[] awaitWitness(String value) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWITCH_TIMEOUT_MILLIS);
        String[] seen = setting(witness);
        while (!seen[0].equals(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = setting(witness);
        }
        return seen;
    }

    /** This session's synchronous_commit and its source. */
    static String[] setting(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select setting, source from pg_settings where name = 'synchronous_commit'")) {
            result.next();
            return new String[]{result.getString(1), result.getString(2)};
        }
    }

    private static List<String> overrides(Connection connection) {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     select coalesce(d.datname, 'every database'), coalesce(r.rolname, 'every role'), c
                     from pg_db_role_setting s
                          left join pg_database d on d.oid = s.setdatabase
                          left join pg_roles r on r.oid = s.setrole,
                          unnest(s.setconfig) c
                     where c like 'synchronous_commit=%'""")) {
            while (result.next()) {
                found.add(result.getString(1) + " / " + result.getString(2) + ": " + result.getString(3));
            }
        } catch (SQLException e) {
            found.add("unknown (" + e.getMessage().strip() + ")");
        }
        return List.copyOf(found);
    }
}
