package dev.orderflow.standalone;

import dev.orderflow.testfixtures.StandaloneProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged standalone application, run as a real process twice on one data directory: what the
 * first run stored is there for the second (the embedded Postgres keeps its data across restarts).
 */
class StandaloneRestartIT {

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
    void dataSurvivesARestart() throws Exception {
        UUID customerId = UUID.randomUUID();
        String registration = """
                {"customerId": "%s", "name": "Persistent Pat", "email": "%s@example.com", "creditLimit": 10}"""
                .formatted(customerId, customerId);

        running = PackagedStandalone.start(workDirectory);
        assertThat(running.http().post("/customers", registration).getStatusCode().value()).isEqualTo(201);
        running.stopGracefully();

        running = PackagedStandalone.start(workDirectory);
        assertThat(running.http().post("/customers", registration).getStatusCode().value()).isEqualTo(409);
        assertThat(running.http().put("/customers/" + customerId + "/name", "{\"name\": \"Pat Again\"}").getHeaders().getETag())
                .isEqualTo("\"1\"");
    }
}
