package dev.orderflow.command.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.shared.security.DevelopmentCredentials.Credential;
import dev.orderflow.testfixtures.ServiceClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.UUID;

import static dev.orderflow.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared authentication and authorization as a real service applies it, over real HTTP on a real
 * Postgres: the command API needs the USER role, {@code /admin/**} and the management endpoints ADMIN,
 * health and the OpenAPI description are open, and a refused request stores nothing.
 */
@CommandSideIntegrationTest
class ApiSecurityIT {

    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;

    @Test
    void aCommandWithoutCredentialsIsRefusedWithABasicChallengeAndStoresNothing() {
        String email = uniqueEmail();

        ResponseEntity<JsonNode> refused = http.anonymous().post("/customers", registration(email));

        assertUnauthenticated(refused);
        assertThat(events.mentioning(email)).isZero();
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAndStoresNothing() {
        String email = uniqueEmail();

        ResponseEntity<JsonNode> wrongPassword = http.as(new Credential(DevelopmentCredentials.USER.name(), "wrong"))
                .post("/customers", registration(email));
        ResponseEntity<JsonNode> unknownUser = http.as(new Credential("mallory", DevelopmentCredentials.USER.password()))
                .post("/customers", registration(email));

        assertUnauthenticated(wrongPassword);
        assertUnauthenticated(unknownUser);
        assertThat(wrongPassword.getBody().get("detail").asText()).isEqualTo(unknownUser.getBody().get("detail").asText());
        assertThat(events.mentioning(email)).isZero();
    }

    @Test
    void theUserCredentialSendsACommandAndKeepsNoSession() {
        String email = uniqueEmail();

        ResponseEntity<JsonNode> registered = http.as(DevelopmentCredentials.USER).post("/customers", registration(email));

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getHeaders().get(HttpHeaders.SET_COOKIE)).as("stateless: no session cookie").isNull();
        assertThat(events.mentioning(email)).isEqualTo(1);
    }

    @Test
    void theAdminApiRefusesAUserWith403() {
        UUID customerId = registeredCustomer();
        ServiceClient user = http.as(DevelopmentCredentials.USER);

        ResponseEntity<JsonNode> processors = user.send(HttpMethod.GET, "/admin/processors", null, null);
        ResponseEntity<JsonNode> events = user.send(HttpMethod.GET, "/admin/events/" + customerId, null, null);
        ResponseEntity<JsonNode> stop = user.send(HttpMethod.POST, "/admin/processors/customer-email-registry/stop", null, null);

        for (ResponseEntity<JsonNode> refused : List.of(processors, events, stop)) {
            assertProblem(refused, HttpStatus.FORBIDDEN, "FORBIDDEN");
            assertThat(refused.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        }
        assertThat(admin().send(HttpMethod.GET, "/admin/processors/customer-email-registry", null, null).getBody()
                .get("running").asBoolean()).as("the refused stop did not happen").isTrue();
    }

    @Test
    void theAdminApiNeedsCredentialsToo() {
        assertUnauthenticated(http.anonymous().send(HttpMethod.GET, "/admin/processors", null, null));
    }

    @Test
    void theAdminApiServesTheAdmin() {
        UUID customerId = registeredCustomer();

        ResponseEntity<JsonNode> processors = admin().send(HttpMethod.GET, "/admin/processors", null, null);
        ResponseEntity<JsonNode> events = admin().send(HttpMethod.GET, "/admin/events/" + customerId, null, null);

        assertThat(processors.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(processors.getBody().findValuesAsText("name")).contains("customer-email-registry");
        assertThat(events.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(events.getBody().at("/events/0/type").asText()).isEqualTo("CustomerRegisteredEvent");
    }

    @Test
    void healthIsOpenWithoutCredentials() {
        ServiceClient anonymous = http.anonymous();

        assertThat(anonymous.get("/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.get("/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.get("/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theOtherManagementEndpointsNeedTheAdminRole() {
        assertUnauthenticated(http.anonymous().send(HttpMethod.GET, "/actuator/metrics", null, null));
        assertProblem(http.as(DevelopmentCredentials.USER).send(HttpMethod.GET, "/actuator/metrics", null, null),
                HttpStatus.FORBIDDEN, "FORBIDDEN");
        ResponseEntity<String> metrics = admin().get("/actuator/metrics");
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm.memory.used");
    }

    @Test
    void theOpenApiDescriptionIsOpenAndDeclaresBasicAuthentication() {
        ResponseEntity<String> openApi = http.anonymous().get("/v3/api-docs");
        ResponseEntity<String> swaggerUi = http.anonymous().get("/swagger-ui/index.html");

        assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(openApi.getBody()).contains("\"securitySchemes\":{\"basicAuth\":{\"type\":\"http\",\"scheme\":\"basic\"}}")
                .contains("\"security\":[{\"basicAuth\":[]}]");
        assertThat(swaggerUi.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ServiceClient admin() {
        return http.as(DevelopmentCredentials.ADMIN);
    }

    private UUID registeredCustomer() {
        UUID customerId = UUID.randomUUID();
        ResponseEntity<JsonNode> registered = http.post("/customers", """
                {"customerId": "%s", "name": "Guarded Gus", "email": "%s", "creditLimit": 10}"""
                .formatted(customerId, uniqueEmail()));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private static void assertUnauthenticated(ResponseEntity<JsonNode> refused) {
        assertProblem(refused, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
        assertThat(refused.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    private static String registration(String email) {
        return """
                {"name": "Guarded Gus", "email": "%s", "creditLimit": 10}""".formatted(email);
    }

    private static String uniqueEmail() {
        return "guarded-" + UUID.randomUUID() + "@example.com";
    }
}
