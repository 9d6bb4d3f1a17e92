package dev.orderflow.standalone;

import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.shared.security.DevelopmentCredentials.Credential;
import dev.orderflow.shared.embeddedpostgres.OrphanedPostmaster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged standalone application, run as a real process on a data directory that outlives it, and
 * its HTTP API. Close it after the test: it stops the process and any Postgres server a killed run left
 * behind, so no test leaves a server running.
 */
final class StandaloneProcess implements AutoCloseable {

    private static final Duration START_TIME = Duration.ofMinutes(3);
    private static final Duration STOP_TIME = Duration.ofSeconds(60);

    private final Process process;
    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private StandaloneProcess(Process process, Path dataDirectory, int port, Path log) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.log = log;
    }

    /** The jar as a user runs it ({@code java -jar}), keeping its data in {@code postgres} under the work directory. */
    static StandaloneProcess start(Path workDirectory, String... arguments) throws IOException {
        return start(workDirectory, List.of("-jar", packagedJar().toString()), arguments);
    }

    /**
     * The jar with {@link UnansweredPayments} for these customers: their payments never get an answer. Spring
     * Boot's PropertiesLauncher runs the jar's own classes and libraries with the test classes added.
     */
    static StandaloneProcess startWithUnansweredPayments(Path workDirectory, Collection<UUID> customers,
                                                         String... arguments) throws IOException {
        return start(workDirectory, List.of(
                "-D" + StandaloneWithUnansweredPayments.CUSTOMERS + "="
                        + customers.stream().map(UUID::toString).collect(Collectors.joining(",")),
                "-Dloader.path=" + Path.of("target", "test-classes").toAbsolutePath(),
                "-Dloader.main=" + StandaloneWithUnansweredPayments.class.getName(),
                "-cp", packagedJar().toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"), arguments);
    }

    private static StandaloneProcess start(Path workDirectory, List<String> launch, String... arguments) throws IOException {
        Path dataDirectory = workDirectory.resolve("postgres");
        int port = freePort();
        // Beside the temporary directory, so that the log of a failed run outlives the test.
        Path log = workDirectory.resolveSibling(workDirectory.getFileName() + "-standalone-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m"));
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--orderflow.embedded-postgres.data-directory=" + dataDirectory);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        StandaloneProcess standalone = new StandaloneProcess(process, dataDirectory, port, log);
        try {
            await().atMost(START_TIME).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(process.isAlive()).as("standalone is running, see %s", log).isTrue();
                        assertThat(standalone.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
                    });
            return standalone;
        } catch (RuntimeException | Error notStarted) {
            try {
                standalone.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw notStarted;
        }
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    Path log() {
        return log;
    }

    /** SIGTERM: Spring shuts down in order, and the embedded Postgres with it; answers the exit code. */
    int stopGracefully() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS)).as("stopped, see %s", log).isTrue();
        return process.exitValue();
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux and macOS): no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS);
            }
        }
        OrphanedPostmaster.stopIfAny(dataDirectory);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(path, "GET", null, DevelopmentCredentials.USER);
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(path, "POST", json, DevelopmentCredentials.USER);
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(path, "PUT", json, DevelopmentCredentials.USER);
    }

    /** A GET of the admin API, with the admin's credential. */
    HttpResponse<String> adminGet(String path) throws IOException, InterruptedException {
        return send(path, "GET", null, DevelopmentCredentials.ADMIN);
    }

    private HttpResponse<String> send(String path, String method, String json, Credential credential)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", credential.basicAuthorization());
        if (json == null) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("standalone-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Run the package phase first: no standalone jar in target/"));
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
