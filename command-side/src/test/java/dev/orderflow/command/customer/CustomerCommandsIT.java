package dev.orderflow.command.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.testfixtures.ServiceClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.orderflow.command.support.Problems.assertInvalid;
import static dev.orderflow.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@CommandSideIntegrationTest
class CustomerCommandsIT {

    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;

    @Test
    void registeringACustomerStoresTheEventAndAnswersWithItsLocation() {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();

        ResponseEntity<JsonNode> response = http.post("/customers", registration(customerId, "Ann Lee", email, "250.00"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/customers/" + customerId);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(response.getBody().get("customerId").asText()).isEqualTo(customerId.toString());
        List<StoredEvents.StoredEvent> stored = events.of(customerId);
        assertThat(stored).hasSize(1);
        StoredEvents.StoredEvent registered = stored.get(0);
        assertThat(registered.simpleType()).isEqualTo("CustomerRegisteredEvent");
        assertThat(registered.type()).isEqualTo("Customer");
        assertThat(registered.sequenceNumber()).isZero();
        assertThat(registered.payloadRevision()).isEqualTo("1");
        assertThat(registered.payload().get("name").asText()).isEqualTo("Ann Lee");
        assertThat(registered.payload().get("email").asText()).isEqualTo(email);
        assertThat(registered.payload().get("creditLimit").decimalValue()).isEqualByComparingTo("250.00");
    }

    @Test
    void aCustomerWithoutAChosenIdGetsOne() {
        ResponseEntity<JsonNode> response = http.post("/customers", """
                {"name": "No Id", "email": "%s", "creditLimit": 10}""".formatted(uniqueEmail()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID customerId = UUID.fromString(response.getBody().get("customerId").asText());
        assertThat(events.simpleTypesOf(customerId)).containsExactly("CustomerRegisteredEvent");
    }

    @Test
    void registeringTheSameIdTwiceAnswersConflictAndStoresNothingMore() {
        UUID customerId = UUID.randomUUID();
        http.post("/customers", registration(customerId, "First", uniqueEmail(), "10"));
        String secondEmail = uniqueEmail();

        ResponseEntity<JsonNode> response = http.post("/customers", registration(customerId, "Second", secondEmail, "10"));

        assertProblem(response, HttpStatus.CONFLICT, "CONFLICT");
        assertThat(events.simpleTypesOf(customerId)).containsExactly("CustomerRegisteredEvent");
        assertThat(events.mentioning(secondEmail)).isZero();
        // The failed create must not have replaced the cached aggregate: a rename still works on the first one.
        assertThat(http.put("/customers/" + customerId + "/name", "{\"name\": \"First Renamed\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void repeatingARegistrationWithTheSameIdAndBodySaysTheCustomerExists() {
        UUID customerId = UUID.randomUUID();
        String registration = registration(customerId, "Ann Lee", uniqueEmail(), "10");
        http.post("/customers", registration);

        ResponseEntity<JsonNode> repeated = http.post("/customers", registration);

        assertProblem(repeated, HttpStatus.CONFLICT, "CONFLICT");
        assertThat(repeated.getBody().get("detail").asText()).isEqualTo("Customer " + customerId + " already exists");
        assertThat(events.simpleTypesOf(customerId)).containsExactly("CustomerRegisteredEvent");
    }

    @Test
    void anEmailInUseIsRefusedWhateverItsCase() {
        String email = uniqueEmail();
        http.post("/customers", registration(UUID.randomUUID(), "Owner", email, "10"));
        UUID secondId = UUID.randomUUID();

        ResponseEntity<JsonNode> response = http.post("/customers", registration(secondId, "Copycat", email.toUpperCase(), "10"));

        assertProblem(response, HttpStatus.CONFLICT, "CONFLICT");
        assertThat(response.getBody().get("detail").asText()).contains("already registered");
        assertThat(events.of(secondId)).isEmpty();
    }

    @Test
    void concurrentRegistrationsOfOneEmailLetExactlyOneThrough() throws Exception {
        String email = uniqueEmail();
        List<Callable<ResponseEntity<JsonNode>>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> http.post("/customers", registration(UUID.randomUUID(), "Racer", email, "10")));
        }

        List<HttpStatus> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<ResponseEntity<JsonNode>> result : pool.invokeAll(attempts)) {
                statuses.add(HttpStatus.valueOf(result.get().getStatusCode().value()));
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        assertThat(events.mentioning(email)).isEqualTo(1);
    }

    @Test
    void renamingACustomerStoresTheNewNameAndTheNextVersion() {
        UUID customerId = registeredCustomer();

        ResponseEntity<JsonNode> response = http.put("/customers/" + customerId + "/name", "{\"name\": \"Ann Renamed\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
        List<StoredEvents.StoredEvent> stored = events.of(customerId);
        assertThat(stored).extracting(StoredEvents.StoredEvent::simpleType)
                .containsExactly("CustomerRegisteredEvent", "CustomerRenamedEvent");
        assertThat(stored.get(1).sequenceNumber()).isEqualTo(1);
        assertThat(stored.get(1).payload().get("name").asText()).isEqualTo("Ann Renamed");
    }

    @Test
    void changingTheCreditLimitStoresTheNewLimit() {
        UUID customerId = registeredCustomer();

        ResponseEntity<JsonNode> response = http.put("/customers/" + customerId + "/credit-limit", "{\"creditLimit\": 999.99}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        StoredEvents.StoredEvent changed = events.of(customerId).get(1);
        assertThat(changed.simpleType()).isEqualTo("CreditLimitChangedEvent");
        assertThat(changed.payload().get("creditLimit").decimalValue()).isEqualByComparingTo("999.99");
    }

    @Test
    void aStaleIfMatchVersionAnswersConflictAndStoresNothing() {
        UUID customerId = registeredCustomer();
        http.put("/customers/" + customerId + "/name", "{\"name\": \"Second Name\"}");

        ResponseEntity<JsonNode> stale = http.send(HttpMethod.PUT, "/customers/" + customerId + "/name",
                "{\"name\": \"Lost Update\"}", "\"0\"");
        ResponseEntity<JsonNode> current = http.send(HttpMethod.PUT, "/customers/" + customerId + "/name",
                "{\"name\": \"Third Name\"}", "\"1\"");

        assertProblem(stale, HttpStatus.CONFLICT, "CONFLICT");
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(events.of(customerId)).extracting(event -> event.payload().get("name").asText())
                .containsExactly("Ann Lee", "Second Name", "Third Name");
    }

    @Test
    void aMalformedIfMatchIsInvalidInput() {
        UUID customerId = registeredCustomer();

        ResponseEntity<JsonNode> response = http.send(HttpMethod.PUT, "/customers/" + customerId + "/name",
                "{\"name\": \"Whatever\"}", "\"yesterday\"");

        assertProblem(response, HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(events.of(customerId)).hasSize(1);
    }

    @Test
    void renamingAnUnknownCustomerAnswersNotFound() {
        ResponseEntity<JsonNode> response = http.put("/customers/" + UUID.randomUUID() + "/name", "{\"name\": \"Nobody\"}");

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void invalidRegistrationsNameTheFieldAndStoreNothing() {
        String email = uniqueEmail();
        assertInvalid(http.post("/customers", registration(null, "Ann", email, "-5")), "creditLimit");
        assertInvalid(http.post("/customers", registration(null, "Ann", email, "1.005")), "creditLimit");
        assertInvalid(http.post("/customers", registration(null, " ", email, "5")), "name");
        assertInvalid(http.post("/customers", registration(null, "Ann", "not-an-email-" + email.replace("@", "-"), "5")), "email");
        assertInvalid(http.post("/customers", """
                {"customerId": "not-a-uuid", "name": "Ann", "email": "%s", "creditLimit": 5}""".formatted(email)), "customerId");
        assertInvalid(http.post("/customers", """
                {"name": "Ann", "email": "%s"}""".formatted(email)), "creditLimit");
        assertInvalid(http.post("/customers", """
                {"name": "Ann", "email": "%s", "creditLimit": 5, "vip": true}""".formatted(email)), "vip");
        assertInvalid(http.post("/customers", """
                {"name": "Ann", "email": "%s", "creditLimit": "lots"}""".formatted(email)), "creditLimit");

        ResponseEntity<JsonNode> malformed = http.post("/customers", "{\"name\": \"Ann\", ");
        assertProblem(malformed, HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        assertThat(events.mentioning(email)).isZero();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String name = "Big " + UUID.randomUUID();
        String padding = "x".repeat(100_000);
        String body = "{\"name\": \"" + name + "\", \"email\": \"" + uniqueEmail() + "\", \"creditLimit\": 1, \"note\": \"" + padding + "\"}";

        ResponseEntity<JsonNode> withLength = http.post("/customers", body);
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.baseUrl() + "/customers"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", http.authorization())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(body.getBytes())))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(withLength.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(withLength.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"kind\":\"INVALID_INPUT\"");
        assertThat(events.mentioning(name)).isZero();
    }

    @Test
    void anUnsupportedMediaTypeIsAProblemToo() {
        ResponseEntity<JsonNode> response = http.post("/customers", "name=Ann", MediaType.TEXT_PLAIN);

        assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
    }

    private UUID registeredCustomer() {
        UUID customerId = UUID.randomUUID();
        assertThat(http.post("/customers", registration(customerId, "Ann Lee", uniqueEmail(), "100")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    static String registration(UUID customerId, String name, String email, String creditLimit) {
        String id = customerId == null ? "" : "\"customerId\": \"" + customerId + "\", ";
        return "{" + id + "\"name\": \"" + name + "\", \"email\": \"" + email + "\", \"creditLimit\": " + creditLimit + "}";
    }

    static String uniqueEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }
}
