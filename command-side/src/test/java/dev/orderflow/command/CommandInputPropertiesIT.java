package dev.orderflow.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.json.PlainText;
import dev.orderflow.shared.security.DevelopmentCredentials;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generated request bodies thrown at every command endpoint, over real HTTP on a real Postgres: the
 * service never answers 5xx, whenever it answers 4xx nothing was appended to the event store, and what
 * it accepts stores no control character and leaves every processor healthy and caught up (text with NULs and other control characters, NUL and blank ids,
 * ids of existing aggregates of another type, keys given twice and weak or empty If-Match headers are among
 * what is generated).
 */
class CommandInputPropertiesIT {

    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static String baseUrl;
    private static UUID customerId;
    private static UUID productId;
    private static UUID orderId;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Endpoint(String method, String path, List<String> fields) {
    }

    @BeforeContainer
    static void startService() throws Exception {
        service = new SpringApplicationBuilder(CommandSideApplication.class).run("--server.port=0");
        jdbc = service.getBean(JdbcTemplate.class);
        baseUrl = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        customerId = UUID.randomUUID();
        productId = UUID.randomUUID();
        assertThat(send("POST", "/customers", "{\"customerId\": \"" + customerId + "\", \"name\": \"Fuzz\", \"email\": \"fuzz@example.com\", \"creditLimit\": 10}").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/products", "{\"productId\": \"" + productId + "\", \"name\": \"Fuzz\", \"price\": 1, \"stock\": 1}").statusCode())
                .isEqualTo(201);
        orderId = UUID.randomUUID();
        assertThat(send("POST", "/orders", "{\"orderId\": \"" + orderId + "\", \"customerId\": \"" + customerId
                + "\", \"lines\": [{\"productId\": \"" + productId + "\", \"quantity\": 1}]}").statusCode())
                .isEqualTo(201);
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
                                                                @ForAll("duplicates") Map<String, String> duplicates,
                                                                @ForAll("malformations") String malformation,
                                                                @ForAll("ifMatches") Optional<String> ifMatch) throws Exception {
        String body = malformation.isEmpty() ? json(endpoint, fields, duplicates) : malformation;
        long eventsBefore = storedEvents();
        long lastIndexBefore = lastGlobalIndex();

        HttpResponse<String> response = send(endpoint.method(), endpoint.path(), body, ifMatch);

        assertThat(response.statusCode()).as("%s %s with %s: %s", endpoint.method(), endpoint.path(), body, response.body())
                .isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(storedEvents()).as("%s %s with %s was refused but stored an event", endpoint.method(), endpoint.path(), body)
                    .isEqualTo(eventsBefore);
        } else {
            assertThat(textStoredSince(lastIndexBefore)).as("%s %s with %s was accepted", endpoint.method(), endpoint.path(), body)
                    .allSatisfy(text -> assertThat(PlainText.refusal(text)).as("stored text %s", text).isEmpty());
            awaitEveryProcessorHealthyAndCaughtUp(endpoint.method() + " " + endpoint.path() + " with " + body);
        }
    }

    /** No accepted command may stop a processor: each keeps all its segments claimed, none failing, and catches up. */
    private static void awaitEveryProcessorHealthyAndCaughtUp(String accepted) {
        ProcessorAdmin processors = service.getBean(ProcessorAdmin.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processors.processors()).as("after %s", accepted)
                .isNotEmpty()
                .allSatisfy(processor -> {
                    assertThat(processor.healthy()).as("%s is healthy: %s", processor.name(), processor.problems()).isTrue();
                    assertThat(processor.behind()).as("%s is behind", processor.name()).isIn(null, 0L);
                }));
    }

    @Provide
    Arbitrary<Endpoint> endpoints() {
        // Each path id may also be the id of an aggregate of another type.
        Arbitrary<String> customer = Arbitraries.of(customerId.toString(), UUID.randomUUID().toString(), "not-a-uuid",
                productId.toString(), orderId.toString());
        Arbitrary<String> product = Arbitraries.of(productId.toString(), UUID.randomUUID().toString(), "42",
                customerId.toString(), orderId.toString());
        Arbitrary<String> order = Arbitraries.of(orderId.toString(), UUID.randomUUID().toString(), "nope",
                customerId.toString(), productId.toString());
        return Arbitraries.oneOf(
                Arbitraries.just(new Endpoint("POST", "/customers", List.of("customerId", "name", "email", "creditLimit"))),
                customer.map(id -> new Endpoint("PUT", "/customers/" + id + "/name", List.of("name"))),
                customer.map(id -> new Endpoint("PUT", "/customers/" + id + "/credit-limit", List.of("creditLimit"))),
                Arbitraries.just(new Endpoint("POST", "/products", List.of("productId", "name", "price", "stock"))),
                product.map(id -> new Endpoint("PUT", "/products/" + id + "/name", List.of("name"))),
                product.map(id -> new Endpoint("PUT", "/products/" + id + "/price", List.of("price"))),
                product.map(id -> new Endpoint("POST", "/products/" + id + "/restock", List.of("quantity"))),
                Arbitraries.just(new Endpoint("POST", "/orders", List.of("orderId", "customerId", "lines"))),
                order.map(id -> new Endpoint("POST", "/orders/" + id + "/cancel", List.of())),
                Arbitraries.of(UUID.randomUUID().toString(), "nope", orderId.toString(), customerId.toString(), productId.toString())
                        .map(id -> new Endpoint("POST", "/shipments/" + id + "/dispatch", List.of())));
    }

    /** A value for each field the endpoint knows, and possibly one it does not; absent fields are left out. */
    @Provide
    Arbitrary<Map<String, String>> bodies() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "[]", "{}", "\"\"", "\" \"", "0", "-1", "1", "1.5", "1.005", "-0.01",
                        "99999999999999999999", "1e400", "2147483648", "\"12.50\"", "\"abc\"", "\"" + UUID.randomUUID() + "\"",
                        "\"fuzz-" + UUID.randomUUID() + "@example.com\"", "\"not-an-email\"", "[{\"productId\": null, \"quantity\": 1}]",
                        "[{\"productId\": \"" + UUID.randomUUID() + "\", \"quantity\": 0}]",
                        "[{\"productId\": \"" + UUID.randomUUID() + "\", \"quantity\": 3, \"x\": 1}]",
                        // ids of existing aggregates, of the right type for one field and the wrong one for others
                        "\"" + customerId + "\"", "\"" + productId + "\"", "\"" + orderId + "\"",
                        "[{\"productId\": \"" + productId + "\", \"quantity\": 1}]",
                        "[{\"productId\": \"" + customerId + "\", \"quantity\": 1}]",
                        "[{\"productId\": \"" + orderId + "\", \"quantity\": 1}]"),
                Arbitraries.strings().ofMaxLength(300).map(text -> "\"" + text.replace("\\", "").replace("\"", "") + "\""),
                withControlCharacter(),
                Arbitraries.of("\"\\u0000\"", "\"\\u0000" + UUID.randomUUID() + "\"", "\"\\t\"", "\"" + customerId + "\\u0000\""),
                Arbitraries.integers().between(-5, 2_000_000).map(String::valueOf));
        return Arbitraries.maps(Arbitraries.of("customerId", "productId", "orderId", "name", "email", "creditLimit",
                "price", "stock", "quantity", "lines", "unknownField"), value).ofMaxSize(6);
    }

    /** Text with a control character somewhere, escaped as JSON allows it (a raw one is malformed JSON). */
    private static Arbitrary<String> withControlCharacter() {
        Arbitrary<String> control = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
                        Arbitraries.chars().range('\u007f', '\u009f'))
                .map(c -> String.format("\\u%04x", (int) c));
        Arbitrary<String> around = Arbitraries.strings().alpha().numeric().withChars(' ', '@', '.').ofMaxLength(20);
        return Combinators.combine(around, control, around).as((before, c, after) -> "\"" + before + c + after + "\"");
    }

    /** Mostly none; sometimes a key given a second time, with another value, after the others. */
    @Provide
    Arbitrary<Map<String, String>> duplicates() {
        Arbitrary<String> value = Arbitraries.of("-5", "0", "1", "\"\"", "null", "\"Again\"", "\"\\u0000\"", "99999999999");
        Arbitrary<Map<String, String>> some = Arbitraries.maps(Arbitraries.of("customerId", "productId", "orderId", "name",
                "email", "creditLimit", "price", "stock", "quantity", "lines"), value).ofMinSize(1).ofMaxSize(2);
        return Arbitraries.integers().between(1, 4).flatMap(roll -> roll == 1 ? some : Arbitraries.just(Map.of()));
    }

    /** Mostly no If-Match; sometimes one, right or wrong, weak or empty. */
    @Provide
    Arbitrary<Optional<String>> ifMatches() {
        Arbitrary<Optional<String>> some = Arbitraries.of("\"0\"", "\"1\"", "W/\"0\"", "", " ", "*", "\"x\"", "0")
                .map(Optional::of);
        return Arbitraries.integers().between(1, 4).flatMap(roll -> roll == 1 ? some : Arbitraries.just(Optional.<String>empty()));
    }

    /** Mostly none (the body is built from fields); sometimes a body that is not JSON at all. */
    @Provide
    Arbitrary<String> malformations() {
        Arbitrary<String> notJson = Arbitraries.oneOf(
                Arbitraries.of("{", "{\"name\": ", "[1, 2", "not json", "{\"name\": \"a\",}", "null", "42", "\"text\""),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(100));
        return Arbitraries.integers().between(1, 10).flatMap(roll -> roll <= 8 ? Arbitraries.just("") : notJson);
    }

    private static String json(Endpoint endpoint, Map<String, String> fields, Map<String, String> duplicates) {
        List<String> members = new ArrayList<>();
        fields.forEach((key, value) -> {
            if (endpoint.fields().contains(key) || key.equals("unknownField")) {
                members.add("\"" + key + "\": " + value);
            }
        });
        duplicates.forEach((key, value) -> {
            if (fields.containsKey(key) && endpoint.fields().contains(key)) {
                members.add("\"" + key + "\": " + value);
            }
        });
        return String.join(", ", members).transform(inner -> "{" + inner + "}");
    }

    private static long lastGlobalIndex() {
        Long last = jdbc.queryForObject("select coalesce(max(global_index), 0) from axon.domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    /** Every text value of every event payload appended after that index. */
    private static List<String> textStoredSince(long globalIndex) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String payload : jdbc.queryForList("select convert_from(payload, 'UTF8') from axon.domain_event_entry "
                + "where global_index > ?", String.class, globalIndex)) {
            collectText(JSON.readTree(payload), texts);
        }
        return texts;
    }

    private static void collectText(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collectText(child, texts));
    }

    private static long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from axon.domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, Optional.empty());
    }

    private static HttpResponse<String> send(String method, String path, String body, Optional<String> ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", DevelopmentCredentials.USER.basicAuthorization());
        ifMatch.ifPresent(value -> request.header("If-Match", value));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
