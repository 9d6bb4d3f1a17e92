package dev.orderflow.command;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static dev.orderflow.command.support.Problems.assertInvalid;
import static dev.orderflow.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies and headers the command API must refuse rather than guess at, over real HTTP on a real Postgres:
 * each answers 400 problem+json naming the field (415 for a body it does not read), and stores nothing.
 */
@CommandSideIntegrationTest
class InputHardeningIT {

    @LocalServerPort
    int port;
    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\u0000", "line\\nbreak", "tab\\there", "escape\\u001b[31m", "del\\u007f", "c1\\u0085"})
    void aNameWithAControlCharacterIsRefusedNamingTheFieldAndNothingIsStored(String name) {
        String email = uniqueEmail();

        ResponseEntity<JsonNode> response = http.post("/customers", """
                {"name": "%s", "email": "%s", "creditLimit": 10}""".formatted(name, email));

        assertInvalid(response, "name");
        assertThat(response.getBody().get("errors").get(0).get("reason").asText()).startsWith("must not contain control characters");
        assertThat(events.mentioning(email)).isZero();
    }

    @Test
    void theReadmesRefusalsAnswerAsItShows() {
        ResponseEntity<JsonNode> nul = http.post("/customers", """
                {"name": "Ann\\u0000Lee", "email": "nul@example.com", "creditLimit": 1}""");
        ResponseEntity<JsonNode> duplicate = http.post("/products/22222222-2222-4222-8222-222222222222/restock",
                "{\"quantity\": 1, \"quantity\": -5}");

        assertThat(nul.getBody()).hasToString("""
                {"type":"about:blank","title":"Invalid input","status":400,"detail":"name: must not contain control \
                characters (U+0000 at position 3)","instance":"/customers","kind":"INVALID_INPUT","errors":[{"field":\
                "name","reason":"must not contain control characters (U+0000 at position 3)"}]}""");
        assertThat(duplicate.getBody()).hasToString("""
                {"type":"about:blank","title":"Invalid input","status":400,"detail":"quantity: is given more than once",\
                "instance":"/products/22222222-2222-4222-8222-222222222222/restock","kind":"INVALID_INPUT","errors":\
                [{"field":"quantity","reason":"is given more than once"}]}""");
        assertThat(events.mentioning("nul@example.com")).isZero();
    }

    @Test
    void everyTextFieldOfEveryBodyRefusesANul() {
        UUID customerId = registeredCustomer();
        UUID productId = addedProduct();
        String marker = "nul-" + UUID.randomUUID();

        assertInvalid(http.post("/customers", """
                {"name": "Ann", "email": "%s\\u0000@example.com", "creditLimit": 10}""".formatted(marker)), "email");
        assertInvalid(http.put("/customers/" + customerId + "/name", "{\"name\": \"" + marker + "\\u0000\"}"), "name");
        assertInvalid(http.post("/products", """
                {"name": "%s\\u0000", "price": 1, "stock": 1}""".formatted(marker)), "name");
        assertInvalid(http.put("/products/" + productId + "/name", "{\"name\": \"" + marker + "\\u0000\"}"), "name");

        assertThat(events.mentioning(marker)).isZero();
        assertThat(events.of(customerId)).hasSize(1);
        assertThat(events.of(productId)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "", " "})
    void anIdThatIsEmptyBlankOrANulIsRefusedInsteadOfTakenAsMissing(String id) {
        String email = uniqueEmail();

        ResponseEntity<JsonNode> customer = http.post("/customers", """
                {"customerId": "%s", "name": "Ann", "email": "%s", "creditLimit": 10}""".formatted(id, email));
        ResponseEntity<JsonNode> order = http.post("/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}"""
                .formatted(id, UUID.randomUUID(), UUID.randomUUID()));

        assertInvalid(customer, "customerId");
        assertThat(customer.getBody().get("errors").get(0).get("reason").asText()).isEqualTo("must be a UUID");
        assertInvalid(order, "orderId");
        assertThat(events.mentioning(email)).isZero();
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingItEvenWhenItsLastValueIsBad() {
        UUID productId = addedProduct();

        ResponseEntity<JsonNode> restock = http.post("/products/" + productId + "/restock", "{\"quantity\": 1, \"quantity\": -5}");
        ResponseEntity<JsonNode> order = http.post("/orders", """
                {"customerId": "%s", "lines": [{"productId": "%s", "quantity": 1, "quantity": 2}]}"""
                .formatted(UUID.randomUUID(), productId));

        assertInvalid(restock, "quantity");
        assertThat(restock.getBody().get("detail").asText()).isEqualTo("quantity: is given more than once");
        assertInvalid(order, "lines[0].quantity");
        assertThat(events.of(productId)).hasSize(1);
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNotConverted() {
        UUID productId = addedProduct();
        UUID customerId = registeredCustomer();

        assertInvalid(http.post("/products/" + productId + "/restock", "{\"quantity\": \"1\"}"), "quantity");
        assertInvalid(http.put("/products/" + productId + "/name", "{\"name\": 42}"), "name");
        assertInvalid(http.put("/products/" + productId + "/price", "{\"price\": \"12.50\"}"), "price");
        assertInvalid(http.put("/customers/" + customerId + "/name", "{\"name\": true}"), "name");
        assertInvalid(http.post("/products", "{\"name\": \"Fuzz\", \"price\": 1, \"stock\": \"5\"}"), "stock");

        assertThat(events.of(productId)).hasSize(1);
        assertThat(events.of(customerId)).hasSize(1);
    }

    @Test
    void aWeakOrEmptyIfMatchIsRefusedNamingTheHeader() {
        UUID customerId = registeredCustomer();

        ResponseEntity<JsonNode> weak = http.send(HttpMethod.PUT, "/customers/" + customerId + "/name", "{\"name\": \"Weak\"}", "W/\"0\"");
        ResponseEntity<JsonNode> empty = http.send(HttpMethod.PUT, "/customers/" + customerId + "/name", "{\"name\": \"Empty\"}", "");

        assertInvalid(weak, "If-Match");
        assertThat(weak.getBody().get("errors").get(0).get("reason").asText()).contains("strong ETag");
        assertInvalid(empty, "If-Match");
        assertThat(events.of(customerId)).hasSize(1);
    }

    @Test
    void aBlankIdInThePathIsA400ThatSaysSo() throws IOException {
        // Sent raw: a client library would encode the % itself.
        Answer answer = RawHttp.send(port, "POST /products/%20/restock HTTP/1.1",
                List.of("Authorization: " + http.authorization(), "Content-Type: application/json"), "{\"quantity\": 1}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.json().get("kind").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("productId");
        assertThat(answer.json().get("errors").get(0).get("reason").asText()).isEqualTo("must be a UUID");
    }

    @Test
    void aWildcardOrMultipartContentTypeIsAnUnsupportedMediaType() throws IOException {
        String marker = "media-" + UUID.randomUUID();
        String body = "{\"name\": \"" + marker + "\", \"price\": 1, \"stock\": 1}";

        // Sent raw: a client library refuses to send a wildcard Content-Type.
        Answer wildcard = RawHttp.send(port, "POST /products HTTP/1.1",
                List.of("Authorization: " + http.authorization(), "Content-Type: */*"), body);
        ResponseEntity<JsonNode> noBoundary = http.post("/products", body, MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> withBoundary = http.post("/products", "--b\r\n\r\n" + body + "\r\n--b--",
                MediaType.parseMediaType("multipart/form-data; boundary=b"));

        assertThat(wildcard.status()).as(wildcard.toString()).isEqualTo(415);
        assertThat(wildcard.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wildcard.json().get("kind").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertProblem(noBoundary, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(withBoundary, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(events.mentioning(marker)).isZero();
    }

    @Test
    void anUnknownRouteAndAWrongMethodEachHaveAKind() {
        ResponseEntity<JsonNode> unknownRoute = http.send(HttpMethod.GET, "/no-such-route", null, null);
        ResponseEntity<JsonNode> wrongMethod = http.send(HttpMethod.DELETE, "/customers", null, null);

        assertProblem(unknownRoute, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(unknownRoute.getBody().get("detail").asText()).isEqualTo("Nothing is served at GET /no-such-route");
        assertProblem(wrongMethod, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.getHeaders().getAllow()).contains(HttpMethod.POST);
    }

    private UUID registeredCustomer() {
        UUID customerId = UUID.randomUUID();
        assertThat(http.post("/customers", """
                {"customerId": "%s", "name": "Ann", "email": "%s", "creditLimit": 10}""".formatted(customerId, uniqueEmail()))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private UUID addedProduct() {
        UUID productId = UUID.randomUUID();
        assertThat(http.post("/products", """
                {"productId": "%s", "name": "Widget", "price": 1, "stock": 1}""".formatted(productId))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return productId;
    }

    private static String uniqueEmail() {
        return "hardening-" + UUID.randomUUID() + "@example.com";
    }
}
