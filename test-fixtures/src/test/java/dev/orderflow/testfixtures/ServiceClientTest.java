package dev.orderflow.testfixtures;

import com.sun.net.httpserver.HttpServer;
import dev.orderflow.shared.security.DevelopmentCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real HTTP server of the JDK's that echoes what it was sent. */
class ServiceClientTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ServiceClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " if-match="
                    + exchange.getRequestHeaders().getFirst("If-Match") + " body=" + body);
            byte[] answer = "{\"detail\": \"no such thing\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        client = ServiceClient.onLocalPort(server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void answersAnErrorStatusInsteadOfThrowing() {
        ResponseEntity<String> answer = client.get("/missing");

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody()).contains("no such thing");
    }

    @Test
    void sendsTheDevelopmentUserUnlessToldOtherwise() {
        client.get("/a");
        client.asAdmin().get("/b");
        client.anonymous().get("/c");

        assertThat(received).containsExactly(
                "GET /a auth=" + DevelopmentCredentials.USER.basicAuthorization() + " if-match=null body=",
                "GET /b auth=" + DevelopmentCredentials.ADMIN.basicAuthorization() + " if-match=null body=",
                "GET /c auth=null if-match=null body=");
    }

    @Test
    void sendsJsonWithItsIfMatchAndReadsTheAnswerAsJson() {
        ResponseEntity<com.fasterxml.jackson.databind.JsonNode> answer =
                client.send(HttpMethod.PUT, "/customers/1/name", "{\"name\": \"Pat\"}", "\"3\"");

        assertThat(answer.getBody().get("detail").asText()).isEqualTo("no such thing");
        assertThat(received).containsExactly("PUT /customers/1/name auth=" + DevelopmentCredentials.USER.basicAuthorization()
                + " if-match=\"3\" body={\"name\": \"Pat\"}");
    }
}
