package dev.orderflow.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded mode composes every service in one JVM, on one Postgres with a schema per service. */
@Import(AuthenticatedHttp.class)
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandaloneApplicationIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCommandApiStoresEventsInTheEmbeddedEventStore() {
        UUID customerId = UUID.randomUUID();

        ResponseEntity<String> response = http.postForEntity("/customers", json("""
                {"customerId": "%s", "name": "Standalone Ann", "email": "%s@example.com", "creditLimit": 10}"""
                .formatted(customerId, customerId)), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select payload_type from axon.domain_event_entry where aggregate_identifier = ?",
                String.class, customerId.toString())).isEqualTo("dev.orderflow.api.customer.CustomerRegisteredEvent");
    }

    @Test
    void eachServiceMigratesItsOwnSchema() {
        assertThat(jdbc.queryForList("select schema_name from information_schema.schemata", String.class))
                .contains("axon", "command");
        assertThat(jdbc.queryForObject("select count(*) from command.flyway_schema_history where success", Long.class))
                .isPositive();
    }

    @Test
    void healthAndTheOpenApiDescriptionAreServed() {
        ResponseEntity<String> health = AuthenticatedHttp.asAdmin(http).getForEntity("/actuator/health", String.class);
        ResponseEntity<String> openApi = http.getForEntity("/v3/api-docs", String.class);
        ResponseEntity<String> swaggerUi = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("\"db\"");
        assertThat(openApi.getBody()).contains("/customers/{customerId}/name", "/products/{productId}/restock",
                "/orders/{orderId}/cancel", "/shipments/{shipmentId}/dispatch");
        assertThat(swaggerUi.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
