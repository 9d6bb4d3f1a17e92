package dev.orderflow.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
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

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded mode composes every service in one JVM, on one Postgres with a schema per service. */
@Import(DevelopmentUserRestTemplate.class)
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
        ResponseEntity<String> health = DevelopmentUserRestTemplate.asAdmin(http).getForEntity("/actuator/health", String.class);
        ResponseEntity<String> openApi = http.getForEntity("/v3/api-docs", String.class);
        ResponseEntity<String> swaggerUi = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("\"db\"");
        assertThat(openApi.getBody()).contains("/customers/{customerId}/name", "/products/{productId}/restock",
                "/orders/{orderId}/cancel", "/shipments/{shipmentId}/dispatch");
        assertThat(swaggerUi.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theApiDescriptionNamesTheApiItsVersionBasicAuthAndOneTagPerResourceInReadingOrder() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(http.getForEntity("/v3/api-docs", String.class).getBody());

        assertThat(openApi.at("/info/title").asText()).isEqualTo("Orderflow API");
        assertThat(openApi.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(openApi.at("/info/description").asText()).contains("orderflow-standalone");
        assertThat(openApi.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(openApi.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(openApi.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(openApi.at("/security/0").has("basicAuth")).isTrue();
        List<String> tags = StreamSupport.stream(openApi.get("tags").spliterator(), false)
                .map(tag -> tag.get("name").asText()).toList();
        assertThat(tags).containsExactly("Customers", "Products", "Orders", "Shipments",
                "Admin: event processors", "Admin: dead letters", "Admin: event store");
        assertThat(openApi.get("tags")).allSatisfy(tag -> assertThat(tag.path("description").asText()).isNotBlank());
        // A resource's commands and queries together, and every operation under one of the tags above.
        assertThat(openApi.at("/paths/~1customers/post/tags/0").asText()).isEqualTo("Customers");
        assertThat(openApi.at("/paths/~1customers~1{customerId}/get/tags/0").asText()).isEqualTo("Customers");
        assertThat(openApi.at("/paths/~1orders~1{orderId}~1details/get/tags/0").asText()).isEqualTo("Orders");
        assertThat(openApi.at("/paths/~1products~1{productId}/get/tags/0").asText()).isEqualTo("Products");
        // A change's expected version is the If-Match header, documented as such, not a query parameter.
        assertThat(openApi.at("/paths/~1products~1{productId}~1restock/post/parameters"))
                .anySatisfy(parameter -> {
                    assertThat(parameter.get("name").asText()).isEqualTo("If-Match");
                    assertThat(parameter.get("in").asText()).isEqualTo("header");
                })
                .noneSatisfy(parameter -> assertThat(parameter.get("in").asText()).isEqualTo("query"));
        openApi.get("paths").forEach(path -> path.forEach(operation ->
                assertThat(operation.get("tags")).singleElement().satisfies(tag -> assertThat(tags).contains(tag.asText()))));
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
