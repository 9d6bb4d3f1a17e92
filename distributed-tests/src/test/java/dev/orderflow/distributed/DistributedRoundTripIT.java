package dev.orderflow.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.distributed.support.OrderflowService;
import dev.orderflow.distributed.support.RunScript;
import dev.orderflow.distributed.support.SaysWhenDockerIsMissing;
import dev.orderflow.testfixtures.ConsoleSession;
import dev.orderflow.testfixtures.ConsoleSession.Page;
import dev.orderflow.testfixtures.ServiceClient;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The distributed mode for real: Axon Server (with this repository's {@code axonserver.properties}) and Postgres
 * (with the compose file's init script) in containers, and the three services started as separate
 * application contexts in the {@code distributed} profile, each with its own database and Axon Server client id.
 * A command placed on the command side becomes events in Axon Server, the query side's projection and the saga
 * coordinator's saga pick them up, and the saga's commands come back to the command side. Without a Docker engine
 * the whole class is skipped ({@code disabledWithoutDocker}), which the test report shows as skipped.
 * <p>
 * Access control is switched off here, by environment over the properties file: {@code AxonServerContainer} checks
 * at start-up that the default context exists through Axon Server's REST API, without a token, which access control
 * refuses. The token itself is covered by the compose file, documented in docs/distributed.md.
 */
@ExtendWith(SaysWhenDockerIsMissing.class)
@Testcontainers(disabledWithoutDocker = true)
class DistributedRoundTripIT {

    private static final String AXON_SERVER_IMAGE = "axoniq/axonserver:2024.2.4-jdk-17";
    private static final String POSTGRES_IMAGE = "postgres:17.6";
    private static final String TOKEN = "distributed-round-trip-token";

    @Container
    static final AxonServerContainer axonServer = new AxonServerContainer(DockerImageName.parse(AXON_SERVER_IMAGE)
                                                                                        .asCompatibleSubstituteFor("docker.axoniq.io/axoniq/axonserver"))
            .withCopyFileToContainer(MountableFile.forHostPath(RunScript.repositoryRoot().resolve("axonserver/axonserver.properties")),
                                     "/axonserver/config/axonserver.properties")
            .withEnv("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED", "false")
            // The properties file still reads both tokens.
            .withEnv("AXONSERVER_TOKEN", TOKEN)
            .withEnv("AXONSERVER_ADMIN_TOKEN", TOKEN + "-admin");

    @Container
    static final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
            .withCopyFileToContainer(MountableFile.forHostPath(RunScript.repositoryRoot().resolve("docker/postgres/init-databases.sh"), 0755),
                                     "/docker-entrypoint-initdb.d/10-orderflow-databases.sh")
            .withCopyFileToContainer(MountableFile.forHostPath(RunScript.repositoryRoot().resolve("docker/postgres/orderflow-databases.sql")),
                                     "/orderflow/orderflow-databases.sql")
            .withEnv("ORDERFLOW_COMMAND_DB_PASSWORD", "command_service-dev")
            .withEnv("ORDERFLOW_QUERY_DB_PASSWORD", "query_service-dev")
            .withEnv("ORDERFLOW_SAGA_DB_PASSWORD", "saga_service-dev");

    private static final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private static final Map<OrderflowService, String> firstInstances = new HashMap<>();
    private static RestClient commandSide;
    private static RestClient querySide;

    @BeforeAll
    static void startTheServices() {
        // The command side first: the saga sends it commands from the first event on.
        for (OrderflowService service : List.of(OrderflowService.COMMAND_SIDE, OrderflowService.QUERY_SIDE,
                                                OrderflowService.SAGA_COORDINATOR)) {
            ConfigurableApplicationContext instance = start(service, service.module() + "-1");
            firstInstances.put(service, "http://localhost:" + instance.getEnvironment().getProperty("local.server.port"));
        }
        commandSide = ServiceClient.on(firstInstances.get(OrderflowService.COMMAND_SIDE)).restClient();
        querySide = ServiceClient.on(firstInstances.get(OrderflowService.QUERY_SIDE)).restClient();
    }

    @AfterAll
    static void stopTheServices() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void aPlacedOrderIsProjectedAndFulfilledByTheSagaAcrossAxonServer() {
        UUID customerId = registerCustomer(commandSide);
        UUID productId = addProduct(commandSide);

        UUID orderId = placeOrder(commandSide, customerId, productId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ResponseEntity<JsonNode> order = querySide.get().uri("/orders/{id}", orderId).retrieve().toEntity(JsonNode.class);
            assertThat(order.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(order.getBody().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(order.getBody().path("customerName").asText()).isEqualTo("Ann Lee");
        });
    }

    @Test
    void eachServicesConsoleShowsItsPartOfAnOrderKeptInAxonServer() {
        UUID orderId = placeOrder(commandSide, registerCustomer(commandSide), addProduct(commandSide));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                querySide.get().uri("/orders/{id}", orderId).retrieve().toEntity(JsonNode.class).getBody()
                         .path("status").asText()).isEqualTo("CONFIRMED"));

        // The command side reads the order's stream, and the newest events, from Axon Server's event store.
        ConsoleSession commandConsole = ConsoleSession.signIn(firstInstances.get(OrderflowService.COMMAND_SIDE));
        Page stream = commandConsole.get("/console/events?aggregateId=" + orderId);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.html()).contains("data-event-type=\"OrderPlacedEvent\"", "data-event-type=\"OrderConfirmedEvent\"");
        Page newest = commandConsole.get("/console/events?type=OrderConfirmedEvent");
        assertThat(newest.status()).isEqualTo(200);
        assertThat(newest.html()).contains(orderId.toString());

        // The saga coordinator knows the order's saga, running or finished.
        Page sagas = ConsoleSession.signIn(firstInstances.get(OrderflowService.SAGA_COORDINATOR))
                                   .get("/console/sagas?associatedWith=" + orderId);
        assertThat(sagas.status()).isEqualTo(200);
        assertThat(sagas.html()).contains("orderId: " + orderId);

        // The query side's processors, with the dashboard of the Axon Server they read from.
        Page processors = ConsoleSession.signIn(firstInstances.get(OrderflowService.QUERY_SIDE)).get("/console/processors");
        assertThat(processors.status()).isEqualTo(200);
        assertThat(processors.html()).contains("id=\"processor-order-history\"", "Axon Server dashboard");
    }

    @Test
    void refusalsKeepTheirStatusAcrossAxonServer() {
        UUID customerId = registerCustomer(commandSide);
        UUID productId = addProduct(commandSide);

        // The same id again (with an unused email): found by Axon Server's event store when the unit of work commits.
        assertProblem(post(commandSide, "/customers", customerJson(customerId, "other-" + customerId + "@example.com")),
                      HttpStatus.CONFLICT);
        // The same email again under a new id: refused by the command handler.
        assertProblem(post(commandSide, "/customers", customerJson(UUID.randomUUID(), "ann-" + customerId + "@example.com")),
                      HttpStatus.CONFLICT);
        // Thrown by the aggregate's handler.
        assertProblem(post(commandSide, "/orders", """
                {"customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}, {"productId": "%s", "quantity": 1}]}
                """.formatted(customerId, productId, productId)), HttpStatus.UNPROCESSABLE_ENTITY);
        // No such aggregate in Axon Server's event store.
        assertProblem(commandSide.put().uri("/products/{id}/price", UUID.randomUUID())
                                 .contentType(MediaType.APPLICATION_JSON).body("{\"price\": 1.00}")
                                 .retrieve().toEntity(JsonNode.class), HttpStatus.NOT_FOUND);
    }

    @Test
    void twoCommandSidesAndTwoQuerySidesShareTheWork() throws SQLException {
        RestClient secondCommandSide = http(start(OrderflowService.COMMAND_SIDE, "command-side-2"));
        RestClient secondQuerySide = http(start(OrderflowService.QUERY_SIDE, "query-side-2"));
        UUID customerId = registerCustomer(secondCommandSide);
        UUID productId = addProduct(commandSide);

        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(placeOrder(i % 2 == 0 ? commandSide : secondCommandSide, customerId, productId));
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (int i = 0; i < orders.size(); i++) {
                RestClient reader = i % 2 == 0 ? secondQuerySide : querySide;
                ResponseEntity<JsonNode> order = reader.get().uri("/orders/{id}", orders.get(i)).retrieve()
                                                       .toEntity(JsonNode.class);
                assertThat(order.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(order.getBody().path("status").asText()).isEqualTo("CONFIRMED");
            }
        });
        // Segments are claimed in the query side's own token store, under the instances' client ids.
        assertThat(tokenOwners("orderflow_query", "query_service")).isSubsetOf("query-side-1", "query-side-2");
    }

    private static ConfigurableApplicationContext start(OrderflowService service, String clientId) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("spring.config.location", service.configLocation());
        environment.put("PORT", "0");
        environment.put("AXONSERVER_SERVERS", axonServer.getAxonServerAddress());
        environment.put("AXONSERVER_TOKEN", TOKEN);
        environment.put("ORDERFLOW_PG_HOST", postgres.getHost());
        environment.put("ORDERFLOW_PG_PORT", String.valueOf(postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)));
        // Several instances in one JVM need names of their own (separate processes get pid@host by default).
        environment.put("axon.axonserver.client-id", clientId);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application())
                .profiles("distributed")
                .properties(environment)
                .run();
        started.add(context);
        return context;
    }

    private static RestClient http(ConfigurableApplicationContext context) {
        return ServiceClient.onLocalPort(context.getEnvironment().getProperty("local.server.port")).restClient();
    }

    private static UUID registerCustomer(RestClient commands) {
        UUID customerId = UUID.randomUUID();
        ResponseEntity<JsonNode> registered = post(commands, "/customers",
                                                   customerJson(customerId, "ann-" + customerId + "@example.com"));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private static String customerJson(UUID customerId, String email) {
        return """
                {"customerId": "%s", "name": "Ann Lee", "email": "%s", "creditLimit": 500.00}
                """.formatted(customerId, email);
    }

    private static UUID addProduct(RestClient commands) {
        UUID productId = UUID.randomUUID();
        ResponseEntity<JsonNode> added = post(commands, "/products", """
                {"productId": "%s", "name": "Blue Mug", "price": 12.50, "stock": 40}
                """.formatted(productId));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return productId;
    }

    private static UUID placeOrder(RestClient commands, UUID customerId, UUID productId) {
        UUID orderId = UUID.randomUUID();
        ResponseEntity<JsonNode> placed = post(commands, "/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 2}]}
                """.formatted(orderId, customerId, productId));
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return orderId;
    }

    private static ResponseEntity<JsonNode> post(RestClient client, String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Set<String> tokenOwners(String database, String user) throws SQLException {
        String url = "jdbc:postgresql://" + postgres.getHost() + ":"
                     + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, user, user + "-dev");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select owner from axon.token_entry where owner is not null")) {
            Set<String> owners = new HashSet<>();
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
            return owners;
        }
    }
}
