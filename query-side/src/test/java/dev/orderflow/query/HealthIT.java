package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/health}: its status for everyone (the probes need no credentials), its details for an admin. */
@QuerySideTest
class HealthIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void everyoneSeesTheStatusButOnlyAnAdminSeesTheDetails() {
        for (TestRestTemplate client : List.of(DevelopmentUserRestTemplate.anonymous(http), http)) {
            ResponseEntity<JsonNode> health = client.getForEntity("/actuator/health", JsonNode.class);

            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody().get("status").asText()).isNotBlank();
            assertThat(health.getBody().has("components")).as("no components without the admin role").isFalse();
            assertThat(health.getBody().has("details")).isFalse();
            assertThat(health.getBody().toString()).doesNotContain("PostgreSQL", "diskSpace");
        }

        JsonNode asAdmin = DevelopmentUserRestTemplate.asAdmin(http).getForEntity("/actuator/health", JsonNode.class).getBody();
        assertThat(asAdmin.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
        assertThat(asAdmin.at("/components/diskSpace/details/path").asText()).isNotBlank();
        assertThat(asAdmin.at("/components/eventProcessors/details")).hasSize(5);
        assertThat(asAdmin.at("/components/eventProcessors/details/order-history/segments").asInt()).isEqualTo(1);
        assertThat(asAdmin.at("/components/deadLetters/details/parked")).hasSize(5);
    }

    @Test
    void theProbesAnswerWithoutCredentials() {
        TestRestTemplate anonymous = DevelopmentUserRestTemplate.anonymous(http);

        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            ResponseEntity<JsonNode> answer = anonymous.getForEntity(probe, JsonNode.class);
            assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().get("status").asText()).as(probe).isEqualTo("UP");
        }
    }
}
