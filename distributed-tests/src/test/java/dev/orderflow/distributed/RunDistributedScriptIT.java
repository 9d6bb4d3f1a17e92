package dev.orderflow.distributed;

import dev.orderflow.distributed.support.RunScript;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code scripts/run-distributed.sh} as far as it runs without Axon Server: it keeps to the processes it started,
 * reports what runs, and a start that cannot reach Axon Server fails and leaves nothing behind.
 */
class RunDistributedScriptIT {

    @TempDir
    Path runDirectory;

    @Test
    void statusWithNothingStartedSaysSo() {
        RunScript.Outcome status = script(Map.of()).run("status");

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.output()).contains("No Orderflow instance started by this script runs");
    }

    @Test
    void stopWithNothingStartedDoesNothing() {
        RunScript.Outcome stop = script(Map.of()).run("stop");

        assertThat(stop.exitCode()).isZero();
        assertThat(stop.output()).contains("Nothing to stop");
    }

    @Test
    void aRecordedPidThatIsNowAnotherProcessIsNeverSignalled() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Files.writeString(runDirectory.resolve("command-side-1.pid"), stranger.pid() + "\n");
            Files.writeString(runDirectory.resolve("command-side-1.port"), "8081\n");

            RunScript.Outcome status = script(Map.of()).run("status");
            assertThat(status.exitCode()).isEqualTo(1);
            assertThat(status.output()).contains("command-side-1", "not running");

            RunScript.Outcome stop = script(Map.of()).run("stop");
            assertThat(stop.exitCode()).isZero();
            assertThat(stop.output()).contains("command-side-1 is not running", "left alone");
            assertThat(stranger.waitFor(1, TimeUnit.SECONDS)).as("the other process still runs").isFalse();
            assertThat(runDirectory.resolve("command-side-1.pid")).doesNotExist();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void anUnknownServiceIsRefusedBeforeAnythingStarts() {
        RunScript.Outcome start = script(Map.of()).run("start", "billing");

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.output()).contains("unknown service 'billing'");
        assertThat(runDirectory).isEmptyDirectory();
    }

    @Test
    void aStartThatCannotReachAxonServerFailsAndLeavesNothingRunning() throws IOException {
        RunScript.assumePsql();
        Path root = RunScript.repositoryRoot();
        try (Stream<Path> jars = Files.list(root.resolve("saga-coordinator/target"))) {
            assumeTrue(jars.anyMatch(jar -> jar.getFileName().toString().endsWith("-exec.jar")),
                       "the saga coordinator's executable jar is not built (mvn package builds it); skipping");
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            RunScript script = script(Map.of(
                    "ORDERFLOW_PG_HOST", "localhost",
                    "ORDERFLOW_PG_PORT", String.valueOf(postgres.getPort()),
                    "AXONSERVER_SERVERS", "127.0.0.1:" + closedPort(),
                    "ORDERFLOW_READY_TIMEOUT", "120",
                    "JAVA_OPTS", "-Xmx256m -Dserver.port=0"));

            RunScript.Outcome start = script.run("start", "saga-coordinator");

            assertThat(start.exitCode()).as(start.output()).isEqualTo(1);
            assertThat(start.output()).contains("Started saga-coordinator-1", "saga-coordinator-1 exited during start-up",
                                                "Connecting to AxonServer node");
            assertThat(runDirectory.resolve("saga-coordinator-1.pid")).doesNotExist();
            assertThat(script.run("status").exitCode()).isEqualTo(3);
        }
    }

    private RunScript script(Map<String, String> environment) {
        Map<String, String> withRunDirectory = new HashMap<>(environment);
        withRunDirectory.put("ORDERFLOW_RUN_DIR", runDirectory.toString());
        return new RunScript(withRunDirectory);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
