package dev.orderflow.standalone;

import dev.orderflow.testfixtures.StandaloneProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SQL client reaches the standalone's embedded Postgres where the start-up log says it is, on the
 * port asked for (docs/event-store.md).
 */
class EmbeddedPostgresAccessIT {

    private static final Pattern LOGGED_URL =
            Pattern.compile("Embedded Postgres at (jdbc:postgresql://localhost:(\\d+)/postgres) \\(user postgres, password postgres\\)");

    @TempDir
    Path workDirectory;
    private StandaloneProcess running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void theLogNamesTheDatabaseOnTheFixedPortAskedForAndASqlClientReadsTheEventsThere() throws Exception {
        int port = freePort();
        running = PackagedStandalone.start(workDirectory, "--orderflow.embedded-postgres.port=" + port);
        UUID customerId = UUID.randomUUID();
        assertThat(running.http().post("/customers", """
                {"customerId": "%s", "name": "Query Quinn", "email": "%s@example.com", "creditLimit": 10}"""
                .formatted(customerId, customerId)).getStatusCode().value()).isEqualTo(201);

        Matcher logged = loggedUrl().orElseThrow(() -> new AssertionError("no URL in " + running.log()));
        assertThat(logged.group(2)).isEqualTo(String.valueOf(port));
        try (Connection sql = DriverManager.getConnection(logged.group(1), "postgres", "postgres");
             Statement statement = sql.createStatement();
             ResultSet events = statement.executeQuery("select payload_type from axon.domain_event_entry "
                     + "where aggregate_identifier = '" + customerId + "'")) {
            assertThat(events.next()).isTrue();
            assertThat(events.getString(1)).isEqualTo("dev.orderflow.api.customer.CustomerRegisteredEvent");
        }
    }

    private Optional<Matcher> loggedUrl() throws IOException {
        return Files.readAllLines(running.log()).stream()
                .map(LOGGED_URL::matcher)
                .filter(Matcher::find)
                .findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
