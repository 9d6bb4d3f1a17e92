package dev.orderflow.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 7807 answers. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String kind) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("kind").asText()).isEqualTo(kind);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    /** A 400 that names the field in its {@code errors}. */
    public static void assertInvalid(ResponseEntity<JsonNode> response, String field) {
        assertProblem(response, HttpStatus.BAD_REQUEST, "INVALID_INPUT");
        assertThat(response.getBody().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
    }
}
