package dev.orderflow.standalone;

import dev.orderflow.shared.security.DevelopmentCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged standalone application, run as a real process twice on one data directory: what the
 * first run stored is there for the second (the embedded Postgres keeps its data across restarts).
 */
class StandaloneRestartIT {

    private static final Duration START_TIME = Duration.ofMinutes(3);

    @TempDir
    Path dataDirectory;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroy();
            running.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        UUID customerId = UUID.randomUUID();
        String registration = """
                {"customerId": "%s", "name": "Persistent Pat", "email": "%s@example.com", "creditLimit": 10}"""
                .formatted(customerId, customerId);

        int firstPort = start();
        assertThat(post(firstPort, "/customers", registration).statusCode()).isEqualTo(201);
        stopGracefully();

        int secondPort = start();
        assertThat(post(secondPort, "/customers", registration).statusCode()).isEqualTo(409);
        assertThat(put(secondPort, "/customers/" + customerId + "/name", "{\"name\": \"Pat Again\"}").headers()
                .firstValue("ETag")).contains("\"1\"");
    }

    private int start() throws IOException {
        int port = freePort();
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-standalone-" + port + ".log");
        running = new ProcessBuilder(List.of(javaExecutable(), "-Xmx512m", "-jar", packagedJar().toString(),
                "--server.port=" + port,
                "--orderflow.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(START_TIME).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(running.isAlive()).as("standalone is running, see %s", log).isTrue();
                    assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
                });
        return port;
    }

    private void stopGracefully() throws InterruptedException {
        running.destroy();
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        return send(port, path, "POST", json);
    }

    private HttpResponse<String> put(int port, String path, String json) throws IOException, InterruptedException {
        return send(port, path, "PUT", json);
    }

    private HttpResponse<String> send(int port, String path, String method, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .header("Content-Type", "application/json")
                        .header("Authorization", AuthenticatedHttp.basic(DevelopmentCredentials.USER)).build(),
                HttpResponse.BodyHandlers.ofString());
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
