package dev.orderflow.command;

import dev.orderflow.shared.security.DevelopmentCredentials;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated request bodies thrown at every command endpoint, over real HTTP on a real Postgres: the
 * service never answers 5xx, and whenever it answers 4xx nothing was appended to the event store.
 */
class CommandInputPropertiesIT {

    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static String baseUrl;
    private static UUID customerId;
    private static UUID productId;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Endpoint(String method, String path, List<String> fields) {
    }

    @BeforeContainer
    static void startService() throws Exception {
        service = new SpringApplicationBuilder(CommandSideApplication.class).run("--server.port=0");
        jdbc = service.getBean(JdbcTemplate.class);
        baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        customerId = UUID.randomUUID();
        productId = UUID.randomUUID();
        send("POST", "/customers", "{\"customerId\": \"" + customerId + "\", \"name\": \"Fuzz\", \"email\": \"fuzz@example.com\", \"creditLimit\": 10}");
        send("POST", "/products", "{\"productId\": \"" + productId + "\", \"name\": \"Fuzz\", \"price\": 1, \"stock\": 1}");
    }

    @AfterContainer
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 400)
    void noGeneratedBodyCausesA5xxAndNoRefusedOneStoresAnEvent(@ForAll("endpoints") Endpoint endpoint,
                                                                @ForAll("bodies") Map<String, String> fields,
                                                                @ForAll("malformations") String malformation) throws Exception {
        String body = malformation.isEmpty() ? json(endpoint, fields) : malformation;
        long eventsBefore = storedEvents();

        HttpResponse<String> response = send(endpoint.method(), endpoint.path(), body);

        assertThat(response.statusCode()).as("%s %s with %s: %s", endpoint.method(), endpoint.path(), body, response.body())
                .isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(storedEvents()).as("%s %s with %s was refused but stored an event", endpoint.method(), endpoint.path(), body)
                    .isEqualTo(eventsBefore);
        }
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        Arbitrary<String> customer = Arbitraries.of(customerId.toString(), UUID.randomUUID().toString(), "not-a-uuid");
        Arbitrary<String> product = Arbitraries.of(productId.toString(), UUID.randomUUID().toString(), "42");
        return Arbitraries.oneOf(
                Arbitraries.just(new Endpoint("POST", "/customers", List.of("customerId", "name", "email", "creditLimit"))),
                customer.map(id -> new Endpoint("PUT", "/customers/" + id + "/name", List.of("name"))),
                customer.map(id -> new Endpoint("PUT", "/customers/" + id + "/credit-limit", List.of("creditLimit"))),
                Arbitraries.just(new Endpoint("POST", "/products", List.of("productId", "name", "price", "stock"))),
                product.map(id -> new Endpoint("PUT", "/products/" + id + "/name", List.of("name"))),
                product.map(id -> new Endpoint("PUT", "/products/" + id + "/price", List.of("price"))),
                product.map(id -> new Endpoint("POST", "/products/" + id + "/restock", List.of("quantity"))),
                Arbitraries.just(new Endpoint("POST", "/orders", List.of("orderId", "customerId", "lines"))),
                Arbitraries.of(UUID.randomUUID().toString(), "nope").map(id -> new Endpoint("POST", "/orders/" + id + "/cancel", List.of())),
                Arbitraries.of(UUID.randomUUID().toString(), "nope").map(id -> new Endpoint("POST", "/shipments/" + id + "/dispatch", List.of())));
    }

    /** A value for each field the endpoint knows, and possibly one it does not; absent fields are left out. */
    @Provide
    Arbitrary<Map<String, String>> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "[]", "{}", "\"\"", "\" \"", "0", "-1", "1", "1.5", "1.005", "-0.01",
                        "99999999999999999999", "1e400", "2147483648", "\"12.50\"", "\"abc\"", "\"" + UUID.randomUUID() + "\"",
                        "\"fuzz-" + UUID.randomUUID() + "@example.com\"", "\"not-an-email\"", "[{\"productId\": null, \"quantity\": 1}]",
                        "[{\"productId\": \"" + UUID.randomUUID() + "\", \"quantity\": 0}]",
                        "[{\"productId\": \"" + UUID.randomUUID() + "\", \"quantity\": 3, \"x\": 1}]"),
                Arbitraries.strings().ofMaxLength(300).map(text -> "\"" + text.replace("\\", "").replace("\"", "") + "\""),
                Arbitraries.integers().between(-5, 2_000_000).map(String::valueOf));
        return Arbitraries.maps(Arbitraries.of("customerId", "productId", "orderId", "name", "email", "creditLimit",
                "price", "stock", "quantity", "lines", "unknownField"), value).ofMaxSize(6);
    }

    /** Mostly none (the body is built from fields); sometimes a body that is not JSON at all. */
    @Provide
    Arbitrary<String> malformations() {
        Arbitrary<String> notJson = Arbitraries.oneOf(
                Arbitraries.of("{", "{\"name\": ", "[1, 2", "not json", "{\"name\": \"a\",}", "null", "42", "\"text\""),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(100));
        return Arbitraries.integers().between(1, 10).flatMap(roll -> roll <= 8 ? Arbitraries.just("") : notJson);
    }

    private static String json(Endpoint endpoint, Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(field -> endpoint.fields().contains(field.getKey()) || field.getKey().equals("unknownField"))
                .map(field -> "\"" + field.getKey() + "\": " + field.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from axon.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("Authorization", DevelopmentCredentials.USER.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
