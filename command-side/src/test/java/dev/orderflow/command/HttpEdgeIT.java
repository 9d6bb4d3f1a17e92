package dev.orderflow.command;

import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.RawHttp;
import dev.orderflow.command.support.RawHttp.Answer;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.testfixtures.ServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller sees them, written byte for byte on a socket: by Spring
 * Security's firewall, by the servlet container, by Tomcat itself. Each still answers problem+json with
 * a {@code kind}, and stores nothing.
 */
@CommandSideIntegrationTest
class HttpEdgeIT {

    @LocalServerPort
    int port;
    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;

    @ParameterizedTest
    @ValueSource(strings = {"/customers/..;/customers", "/customers/x/../name", "/customers;jsessionid=1",
            "/products/%3B/restock", "/products/%2e%2e/restock", "/products/a%09b/restock", "/orders/%00/cancel"})
    void whatTheFirewallRefusesIsA400Problem(String path) throws IOException {
        String marker = "firewall-" + UUID.randomUUID();

        Answer answer = RawHttp.send(port, "POST " + path + " HTTP/1.1", authorizedJson(), "{\"name\": \"" + marker + "\"}");

        assertProblem(answer, 400, "INVALID_INPUT");
        assertThat(events.mentioning(marker)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "FOO"})
    void aMethodTheApiDoesNotServeIsA405Problem(String method) throws IOException {
        Answer answer = RawHttp.send(port, method + " /customers HTTP/1.1", authorizedJson(), null);

        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIsA406Problem() throws IOException {
        List<String> headers = authorizedJson();
        headers.add("Accept: application/xml");
        String email = "accept-" + UUID.randomUUID() + "@example.com";

        Answer answer = RawHttp.send(port, "POST /customers HTTP/1.1", headers,
                "{\"name\": \"Ann\", \"email\": \"" + email + "\", \"creditLimit\": 1}");

        assertProblem(answer, 406, "NOT_ACCEPTABLE");
        assertThat(events.mentioning(email)).as("a command refused 406 was stored anyway").isZero();
    }

    @Test
    void connectIsRefusedByTomcatAsNotImplementedWithTheMethodKind() throws IOException {
        Answer answer = RawHttp.send(port, "CONNECT localhost:443 HTTP/1.1", authorizedJson(), null);

        assertProblem(answer, 501, "METHOD_NOT_ALLOWED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /customers/%zz HTTP/1.1", "GET /customers/%C0%AF HTTP/1.1", "G{T /customers HTTP/1.1",
            "GET /cust omers HTTP/1.1", "GET /customers\u0001 HTTP/1.1"})
    void aRequestLineTomcatCannotReadIsA400Problem(String requestLine) throws IOException {
        Answer answer = RawHttp.send(port, requestLine, authorizedJson(), null);

        assertProblem(answer, 400, "INVALID_INPUT");
    }

    @Test
    void anHttpVersionTomcatDoesNotSpeakIsA505Problem() throws IOException {
        Answer answer = RawHttp.send(port, "GET /customers HTTP/1.7", authorizedJson(), null);

        assertProblem(answer, 505, "INTERNAL_ERROR");
    }

    @Test
    void aHeaderOverTheSizeLimitIsA400Problem() throws IOException {
        List<String> headers = authorizedJson();
        headers.add("X-Padding: " + "x".repeat(20_000));

        Answer answer = RawHttp.send(port, "GET /customers HTTP/1.1", headers, null);

        assertProblem(answer, 400, "INVALID_INPUT");
    }

    @Test
    void tooManyHeadersAreA400Problem() throws IOException {
        List<String> headers = authorizedJson();
        for (int i = 0; i < 150; i++) {
            headers.add("X-Header-" + i + ": " + i);
        }

        Answer answer = RawHttp.send(port, "GET /customers HTTP/1.1", headers, null);

        assertProblem(answer, 400, "INVALID_INPUT");
    }

    private List<String> authorizedJson() {
        List<String> headers = new ArrayList<>();
        headers.add("Authorization: " + http.authorization());
        headers.add("Content-Type: application/json");
        return headers;
    }

    private static void assertProblem(Answer answer, int status, String kind) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("kind").asText()).isEqualTo(kind);
        assertThat(answer.json().get("detail").asText()).isNotBlank();
    }
}
