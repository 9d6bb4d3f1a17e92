package dev.orderflow.shared.embeddedpostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process killed with SIGKILL runs no shutdown hook, so the Postgres server it started on a data
 * directory lives on; the next start on that directory stops it first instead of failing.
 */
class OrphanedPostmasterIT {

    @TempDir
    Path workDirectory;
    private Path dataDirectory;
    private Process owner;

    @BeforeEach
    void dataDirectory() {
        dataDirectory = workDirectory.resolve("postgres");
    }

    @AfterEach
    void leaveNoServerBehind() throws InterruptedException {
        if (owner != null && owner.isAlive()) {
            owner.destroy();
            owner.waitFor(60, TimeUnit.SECONDS);
        }
        OrphanedPostmaster.stopIfAny(dataDirectory);
    }

    @Test
    void aStartOnTheDataDirectoryOfAKilledProcessStopsTheServerItLeftAndStarts() throws Exception {
        owner = startPostgresInAProcessOfItsOwn();
        owner.destroyForcibly();
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        ProcessHandle orphan = OrphanedPostmaster.runningPostmaster(dataDirectory).orElseThrow(
                () -> new AssertionError("the server outlives the process killed with SIGKILL"));

        EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.acquire(
                new EmbeddedPostgresProperties(true, dataDirectory.toString(), 0));
        try {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(selectOne(lease.jdbcUrl())).isEqualTo(1);
        } finally {
            lease.release();
        }
    }

    @Test
    void theSessionsStillOpenOnTheServerLeftBehindAreEnded() throws Exception {
        owner = startPostgresInAProcessOfItsOwn();
        owner.destroyForcibly();
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        ProcessHandle orphan = OrphanedPostmaster.runningPostmaster(dataDirectory).orElseThrow();
        List<String> postmaster = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        // A session in the middle of a transaction: a "smart" shutdown would wait for it for ever.
        try (Connection session = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postmaster.get(3).strip() + "/postgres", "postgres", "postgres")) {
            session.setAutoCommit(false);
            session.createStatement().execute("select 1");

            assertThat(OrphanedPostmaster.stopIfAny(dataDirectory)).isTrue();

            assertThat(orphan.isAlive()).isFalse();
            assertThat(session.isValid(5)).as("the session was ended").isFalse();
        }
    }

    @Test
    void theServerOfALiveProcessIsLeftAlone() throws Exception {
        owner = startPostgresInAProcessOfItsOwn();
        ProcessHandle postmaster = OrphanedPostmaster.runningPostmaster(dataDirectory).orElseThrow();

        assertThat(OrphanedPostmaster.stopIfAny(dataDirectory)).isFalse();
        assertThat(postmaster.isAlive()).isTrue();
    }

    private Process startPostgresInAProcessOfItsOwn() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = workDirectory.resolve("owner.log");
        Process process = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", classpath, PostgresOfAKilledProcess.class.getName(), dataDirectory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(process.isAlive()).as("the process runs, see %s", log).isTrue();
            assertThat(Files.readString(log)).contains(PostgresOfAKilledProcess.READY);
        });
        return process;
    }

    private static int selectOne(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return result.getInt(1);
        }
    }
}
