package dev.orderflow.standalone;

import dev.orderflow.shared.embeddedpostgres.OrphanedPostmaster;
import dev.orderflow.testfixtures.StandaloneProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged standalone application stopped with SIGTERM (what Ctrl-C, {@code docker stop} and
 * {@code kill} send) while orders are placed and its processors handle them: it stops in order, the web
 * server, the processors and the scheduler, the connection pool and the embedded Postgres last, so the
 * stop logs no error, and no Postgres server is left on the data directory.
 */
class StandaloneShutdownIT {

    /** What a JVM that ran its shutdown hooks on SIGTERM answers: 128 + 15. A hang or a halt would differ. */
    private static final int ENDED_BY_SIGTERM = 143;
    private static final int ACKNOWLEDGED_BEFORE_THE_STOP = 20;
    private static final String SHUTDOWN_STARTS = "Commencing graceful shutdown";

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
    void aSigtermWhileOrdersAreInFlightStopsInOrderWithoutAnError() throws Exception {
        running = PackagedStandalone.start(workDirectory);
        UUID productId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        assertThat(running.http().post("/products", """
                {"productId": "%s", "name": "Shutdown Mug", "price": 1.00, "stock": 100000}""".formatted(productId))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(running.http().post("/customers", """
                {"customerId": "%s", "name": "Shutdown Sam", "email": "%s@example.com", "creditLimit": 1000000}"""
                .formatted(customerId, customerId)).getStatusCode().value()).isEqualTo(201);

        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stopping = new AtomicBoolean();
        List<Integer> refusedBeforeTheStop = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        int exitCode;
        try {
            for (int client = 0; client < 4; client++) {
                clients.execute(() -> placeOrdersUntilRefused(productId, customerId, acknowledged, stopping, refusedBeforeTheStop));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_THE_STOP);
            stopping.set(true);
            exitCode = running.stopGracefully();
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }

        List<String> log = Files.readAllLines(running.log());
        int shutdown = indexOfFirst(log, SHUTDOWN_STARTS);
        assertThat(shutdown).as("the stop was graceful, see %s", running.log()).isNotNegative();
        assertThat(log).as("error lines, see %s", running.log()).noneMatch(line -> line.contains(" ERROR "));
        assertThat(log.subList(shutdown, log.size())).as("warnings during the stop, see %s", running.log())
                .noneMatch(line -> line.contains(" WARN "));
        int poolClosed = indexOfFirst(log, "HikariPool-1 - Shutdown completed");
        int databaseStopped = indexOfFirst(log, "Embedded Postgres on port");
        assertThat(poolClosed).as("the pool closes during the stop").isGreaterThan(shutdown);
        assertThat(databaseStopped).as("the database stops after the pool closed").isGreaterThan(poolClosed);
        assertThat(log.get(databaseStopped)).endsWith("stopped");
        assertThat(refusedBeforeTheStop).as("orders refused before the stop").isEmpty();
        assertThat(exitCode).as("exit code, see %s", running.log()).isEqualTo(ENDED_BY_SIGTERM);
        assertThat(OrphanedPostmaster.runningPostmaster(PackagedStandalone.dataDirectory(workDirectory))).as("Postgres left running").isEmpty();
    }

    /** Places one-unit orders until the process stops answering, or answers anything but 201. */
    private void placeOrdersUntilRefused(UUID productId, UUID customerId, AtomicInteger acknowledged,
                                         AtomicBoolean stopping, List<Integer> refusedBeforeTheStop) {
        while (true) {
            try {
                int status = running.http().post("/orders", """
                        {"customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}"""
                        .formatted(customerId, productId)).getStatusCode().value();
                if (status != 201) {
                    if (!stopping.get()) {
                        refusedBeforeTheStop.add(status);
                    }
                    return;
                }
                acknowledged.incrementAndGet();
            } catch (ResourceAccessException stoppedMeanwhile) {
                return;
            }
        }
    }

    private static int indexOfFirst(List<String> log, String text) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
