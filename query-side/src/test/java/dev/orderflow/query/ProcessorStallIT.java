package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A processor whose segment nobody holds, or whose segment keeps failing, is shown as such: every segment in
 * the admin API with its claim, error and retry count, {@code /actuator/health} DOWN, and the gauges; and
 * healthy again once it runs. Its own application context: the stopped processor and the failing trigger
 * stay out of the other tests, and the grace for unclaimed segments is short.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.admin.unclaimed-segment-grace=2s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProcessorStallIT {

    private static final String CATALOGUE = ProjectionProcessors.CATALOGUE;
    private static final String SHIPMENTS = ProjectionProcessors.SHIPMENTS;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, transactionManager);
    }

    @AfterEach
    void runEverythingAgain() {
        jdbc.execute("drop trigger if exists fails_for_now on catalogue.catalogue_product");
        admin().postForEntity("/admin/processors/" + SHIPMENTS + "/start", null, JsonNode.class);
    }

    @Test
    void aProcessorWhoseSegmentsNobodyHoldsIsUnhealthyUntilItRunsAgain() {
        awaitProcessor(SHIPMENTS, processor -> processor.get("healthy").asBoolean());

        assertThat(admin().postForEntity("/admin/processors/" + SHIPMENTS + "/stop", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode stalled = awaitProcessor(SHIPMENTS, processor -> !processor.get("healthy").asBoolean());
        assertThat(stalled.get("segmentCount").asInt()).isEqualTo(2);
        assertThat(stalled.get("claimedSegments").asInt()).isZero();
        assertThat(stalled.get("segments")).as("every segment, held or not").hasSize(2);
        for (JsonNode segment : stalled.get("segments")) {
            assertThat(segment.get("claim").asText()).isEqualTo("UNCLAIMED");
            assertThat(segment.get("unclaimedSince").asText()).isNotBlank();
        }
        assertThat(stalled.get("position").isNull()).as("positions as stored").isFalse();
        assertThat(stalled.get("problems").get(0).asText()).contains("held by no instance");

        ResponseEntity<JsonNode> health = admin().getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
        assertThat(health.getBody().at("/components/eventProcessors/details/" + SHIPMENTS + "/problems/0").asText())
                .contains("held by no instance");
        awaitMetric("orderflow.processor.healthy", SHIPMENTS, 0);
        awaitMetric("orderflow.processor.segments.unclaimed", SHIPMENTS, 2);
        awaitMetric("orderflow.processor.segments.claimed", SHIPMENTS, 0);

        admin().postForEntity("/admin/processors/" + SHIPMENTS + "/start", null, JsonNode.class);

        JsonNode running = awaitProcessor(SHIPMENTS, processor -> processor.get("healthy").asBoolean()
                && processor.get("claimedSegments").asInt() == 2);
        assertThat(running.get("problems")).isEmpty();
        assertThat(running.findValuesAsText("claim")).containsOnly("THIS_INSTANCE");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(
                () -> admin().getForEntity("/actuator/health", JsonNode.class), response -> response.getStatusCode() == HttpStatus.OK)
                .getBody().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        awaitMetric("orderflow.processor.healthy", SHIPMENTS, 1);
    }

    @Test
    void segmentsAnotherInstanceHoldsAreFineUntilItsClaimRunsOut() {
        assertThat(admin().postForEntity("/admin/processors/" + SHIPMENTS + "/stop", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // What the token store holds while a second instance of the query side runs the processor.
        claimShipmentsFor("query-side-2@elsewhere", Instant.now());

        JsonNode elsewhere = awaitProcessor(SHIPMENTS, processor -> processor.findValuesAsText("claim").stream()
                .allMatch("OTHER_INSTANCE"::equals));
        assertThat(elsewhere.get("healthy").asBoolean()).isTrue();
        assertThat(elsewhere.get("claimedSegments").asInt()).isZero();
        assertThat(elsewhere.findValuesAsText("owner")).hasSize(2).containsOnly("query-side-2@elsewhere");

        // That instance died: its claims ran out (axon.eventhandling.tokenstore.claim-timeout, 10 s) and nobody took them.
        claimShipmentsFor("query-side-2@elsewhere", Instant.now().minusSeconds(60));

        JsonNode orphaned = awaitProcessor(SHIPMENTS, processor -> !processor.get("healthy").asBoolean());
        assertThat(orphaned.findValuesAsText("claim")).hasSize(2).containsOnly("UNCLAIMED");
        assertThat(orphaned.get("problems").get(0).asText()).contains("held by no instance");

        admin().postForEntity("/admin/processors/" + SHIPMENTS + "/start", null, JsonNode.class);

        JsonNode takenOver = awaitProcessor(SHIPMENTS, processor -> processor.get("healthy").asBoolean()
                && processor.get("claimedSegments").asInt() == 2);
        assertThat(takenOver.findValuesAsText("claim")).containsOnly("THIS_INSTANCE");
    }

    private void claimShipmentsFor(String owner, Instant at) {
        assertThat(jdbc.update("update axon.token_entry set owner = ?, timestamp = ? where processor_name = ?",
                owner, DateTimeUtils.formatInstant(at), SHIPMENTS)).isEqualTo(2);
    }

    @Test
    void aSegmentThatKeepsFailingShowsItsErrorAndRetriesUntilTheCauseIsGone() {
        // A failure that passes by itself is retried, not parked: here one that passes when the operator says so.
        jdbc.execute("""
                create or replace function catalogue.fails_for_now() returns trigger language plpgsql as $$
                begin
                  if new.name = 'Fails for now' then
                    raise exception 'the catalogue is being maintained' using errcode = '40001';
                  end if;
                  return new;
                end $$""");
        jdbc.execute("create trigger fails_for_now before insert on catalogue.catalogue_product "
                + "for each row execute function catalogue.fails_for_now()");
        UUID product = events.product("Fails for now", "1.00", 1);

        JsonNode failing = awaitProcessor(CATALOGUE, processor -> processor.get("segments").findValues("retries")
                .stream().anyMatch(retries -> retries.asLong() >= 2));
        assertThat(failing.get("healthy").asBoolean()).isFalse();
        assertThat(failing.get("error").asBoolean()).isTrue();
        JsonNode segment = failingSegment(failing);
        assertThat(segment.get("error").asText()).contains("the catalogue is being maintained");
        assertThat(segment.get("failingSince").asText()).isNotBlank();
        assertThat(failing.get("problems").toString()).contains("is failing");
        ResponseEntity<JsonNode> health = admin().getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.getBody().at("/components/eventProcessors/details/" + CATALOGUE + "/healthy").asBoolean()).isFalse();
        awaitMetric("orderflow.processor.segments.failing", CATALOGUE, 1);
        assertThat(admin().getForEntity("/admin/dead-letters?processingGroup=" + CATALOGUE, JsonNode.class).getBody())
                .as("a passing failure is not parked").isEmpty();

        jdbc.execute("drop trigger fails_for_now on catalogue.catalogue_product");

        await().atMost(Duration.ofSeconds(90)).until(() -> user().getForEntity("/products/" + product, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK);
        JsonNode recovered = awaitProcessor(CATALOGUE, processor -> processor.get("healthy").asBoolean());
        assertThat(recovered.get("segments").findValues("retries")).allMatch(retries -> retries.asLong() == 0);
        assertThat(recovered.get("error").asBoolean()).isFalse();
    }

    private static JsonNode failingSegment(JsonNode processor) {
        List<JsonNode> failing = new ArrayList<>();
        processor.get("segments").forEach(segment -> {
            if (segment.has("error")) {
                failing.add(segment);
            }
        });
        assertThat(failing).hasSize(1);
        return failing.get(0);
    }

    private JsonNode awaitProcessor(String name, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(90)).until(
                () -> admin().getForEntity("/admin/processors/" + name, JsonNode.class).getBody(), condition);
    }

    /** Gauges read a status kept for a second: waits for one that has seen the change. */
    private void awaitMetric(String name, String processor, double expected) {
        await().atMost(Duration.ofSeconds(10)).until(
                () -> admin().getForEntity("/actuator/metrics/" + name + "?tag=processor:" + processor, JsonNode.class)
                        .getBody().at("/measurements/0/value").asDouble(),
                value -> value == expected);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "admin");
    }

    private TestRestTemplate user() {
        return http.withBasicAuth("orderflow", "orderflow");
    }
}
