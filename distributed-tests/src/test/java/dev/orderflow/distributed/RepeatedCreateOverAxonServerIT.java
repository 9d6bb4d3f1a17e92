package dev.orderflow.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.distributed.support.OrderflowService;
import dev.orderflow.shared.distributed.RefusalReportingCommandBus;
import dev.orderflow.shared.failure.AxonServerAnswers;
import dev.orderflow.testfixtures.ServiceClient;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every create endpoint of the command side answers a repeated id with 409 {@code CONFLICT} and stores nothing new,
 * when Axon Server is the one that refuses it. The real command side runs, with Orderflow's Axon Server wiring (its
 * command bus's local segment is the one Axon Server hands routed commands to). Two stand-ins take Axon Server's
 * place, as no Axon Server runs here:
 * <ul>
 *   <li>its routing: each command runs on that local segment, and its result takes the trip a result takes through
 *   Axon Server, serialized and read back with Axon's own connector serializer;</li>
 *   <li>its event store's refusal: an append at a sequence number that is taken fails when the unit of work commits,
 *   with the gRPC status Axon Server answers ({@code OUT_OF_RANGE}, {@code [AXONIQ-2000] Invalid sequence number 0
 *   for aggregate ..., expected 1}, the code in the {@code AxonIQ-ErrorCode} trailer), which Axon's connector hands
 *   on as it is. The events themselves are kept by Axon's JPA event store in Postgres.</li>
 * </ul>
 */
class RepeatedCreateOverAxonServerIT {

    private static ConfigurableApplicationContext commandSide;
    private static RestClient http;
    private static JdbcTemplate database;

    @BeforeAll
    static void start() {
        // As arguments, so that they rank above Orderflow's defaults (which turn Axon Server off).
        commandSide = new SpringApplicationBuilder(OrderflowService.COMMAND_SIDE.application(), AxonServerStandIns.class)
                .run("--spring.config.location=" + OrderflowService.COMMAND_SIDE.configLocation(),
                     "--server.port=0",
                     "--axon.axonserver.enabled=true",
                     // Nothing listens here: the connection to Axon Server stays down, as the stand-ins need.
                     "--axon.axonserver.servers=127.0.0.1:1",
                     "--axon.axonserver.component-name=command-side",
                     "--axon.axonserver.event-store.enabled=false");
        http = ServiceClient.onLocalPort(commandSide.getEnvironment().getProperty("local.server.port")).restClient();
        database = commandSide.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void theCommandsRunOnTheLocalSegmentOfAxonServersCommandBus() {
        assertThat(commandSide.getBean(AxonServerCommandBus.class).localSegment())
                .isInstanceOf(RefusalReportingCommandBus.class);
    }

    @Test
    void aRepeatedCustomerIdIsAConflictAndStoresNeitherTheEventNorTheEmail() {
        UUID customerId = UUID.randomUUID();
        assertThat(post("/customers", customer(customerId, "first-" + customerId + "@example.com")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String secondEmail = "second-" + customerId + "@example.com";

        ResponseEntity<JsonNode> again = post("/customers", customer(customerId, secondEmail));

        assertConflictOnAnExistingId(again);
        assertThat(storedEventTypes(customerId)).containsExactly("CustomerRegisteredEvent");
        assertThat(eventsMentioning(secondEmail)).isZero();
        assertThat(registeredEmails(secondEmail)).isZero();
        // The refused create took no email: another customer may register it.
        assertThat(post("/customers", customer(UUID.randomUUID(), secondEmail)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aRepeatedProductIdIsAConflictAndStoresNothing() {
        UUID productId = UUID.randomUUID();
        assertThat(post("/products", product(productId, "Blue Mug")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> again = post("/products", product(productId, "Red Mug"));

        assertConflictOnAnExistingId(again);
        assertThat(storedEventTypes(productId)).containsExactly("ProductAddedEvent");
        assertThat(eventsMentioning("Red Mug")).isZero();
    }

    @Test
    void aRepeatedOrderIdIsAConflictAndStoresNothing() {
        UUID orderId = UUID.randomUUID();
        UUID firstCustomer = registeredCustomer();
        UUID secondCustomer = registeredCustomer();
        UUID productId = UUID.randomUUID();
        post("/products", product(productId, "Order Mug"));
        assertThat(post("/orders", order(orderId, firstCustomer, productId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> again = post("/orders", order(orderId, secondCustomer, productId));

        assertConflictOnAnExistingId(again);
        assertThat(storedEventTypes(orderId)).containsExactly("OrderPlacedEvent");
        assertThat(database.queryForObject("""
                select count(*) from axon.domain_event_entry where payload_type like '%OrderPlacedEvent'
                and position(? in convert_from(payload, 'UTF8')) > 0""", Long.class, secondCustomer.toString()))
                .as("the refused order of the second customer").isZero();
    }

    @Test
    void aChangeAfterARefusedCreateStillApplies() {
        UUID productId = UUID.randomUUID();
        post("/products", product(productId, "Green Mug"));
        assertConflictOnAnExistingId(post("/products", product(productId, "Green Mug")));

        ResponseEntity<JsonNode> restocked = post("/products/" + productId + "/restock", "{\"quantity\": 5}");

        assertThat(restocked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(storedEventTypes(productId)).containsExactly("ProductAddedEvent", "ProductRestockedEvent");
    }

    private static void assertConflictOnAnExistingId(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("kind").asText()).isEqualTo("CONFLICT");
        assertThat(answer.getBody().path("detail").asText()).isEqualTo("A resource with this id already exists");
    }

    private static ResponseEntity<JsonNode> post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                   .toEntity(JsonNode.class);
    }

    private static String customer(UUID customerId, String email) {
        return """
                {"customerId": "%s", "name": "Ann Lee", "email": "%s", "creditLimit": 100.00}""".formatted(customerId, email);
    }

    private static String product(UUID productId, String name) {
        return """
                {"productId": "%s", "name": "%s", "price": 12.50, "stock": 40}""".formatted(productId, name);
    }

    /** An order must name a customer and products that exist. */
    private static String order(UUID orderId, UUID customerId, UUID productId) {
        return """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}"""
                .formatted(orderId, customerId, productId);
    }

    private static UUID registeredCustomer() {
        UUID customerId = UUID.randomUUID();
        assertThat(post("/customers", customer(customerId, "buyer-" + customerId + "@example.com")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return customerId;
    }

    private static List<String> storedEventTypes(UUID aggregateId) {
        return database.queryForList("""
                        select payload_type from axon.domain_event_entry where aggregate_identifier = ?
                        order by sequence_number""", String.class, aggregateId.toString())
                       .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static long eventsMentioning(String text) {
        return database.queryForObject("""
                select count(*) from axon.domain_event_entry
                where position(? in convert_from(payload, 'UTF8')) > 0""", Long.class, text);
    }

    private static long registeredEmails(String email) {
        return database.queryForObject("select count(*) from command.registered_email where email = ?",
                                       Long.class, email);
    }

    /** What stands in for Axon Server: its routing of commands and its event store's refusal of a taken sequence. */
    @Configuration(proxyBeanMethods = false)
    static class AxonServerStandIns {

        /** The controllers' gateway: each command crosses "Axon Server" to the local segment and its result back. */
        @Bean
        CommandGateway commandGateway(AxonServerCommandBus commandBus,
                                      @Qualifier("messageSerializer") Serializer messageSerializer,
                                      AxonServerConfiguration configuration) {
            return DefaultCommandGateway.builder()
                    .commandBus(new AxonServerHop(commandBus, new CommandSerializer(messageSerializer, configuration)))
                    .build();
        }

        @Bean
        static BeanPostProcessor axonServerSequenceCheck() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof EventStorageEngine engine && !(bean instanceof AxonServerSequenceCheck)
                            ? new AxonServerSequenceCheck(engine) : bean;
                }
            };
        }
    }

    /** Axon Server between the sender and the handling instance, as {@code AxonServerCommandBus} crosses it. */
    record AxonServerHop(AxonServerCommandBus commandBus, CommandSerializer wire) implements CommandBus {

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, (message, result) -> {
            });
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            commandBus.localSegment().dispatch(command, (message, result) -> {
                @SuppressWarnings("unchecked")
                CommandResultMessage<R> received =
                        (CommandResultMessage<R>) wire.deserialize(wire.serialize(result, command.getIdentifier()));
                callback.onResult(command, received);
            });
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            return commandBus.subscribe(commandName, handler);
        }

        @Override
        public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
            return commandBus.registerHandlerInterceptor(interceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            return commandBus.registerDispatchInterceptor(interceptor);
        }
    }

    /**
     * Axon's JPA event store, refusing as Axon Server's does: an event whose sequence number is taken for its
     * aggregate is not stored, and the unit of work fails on commit with Axon Server's status.
     */
    record AxonServerSequenceCheck(EventStorageEngine store) implements EventStorageEngine {

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    long next = store.lastSequenceNumberFor(domainEvent.getAggregateIdentifier()).map(last -> last + 1).orElse(0L);
                    if (domainEvent.getSequenceNumber() < next) {
                        StatusRuntimeException refusal = AxonServerAnswers.invalidSequence(
                                domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), next);
                        CurrentUnitOfWork.get().root().onCommit(unitOfWork -> {
                            throw refusal;
                        });
                        return;
                    }
                }
            }
            store.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            store.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return store.readEvents(trackingToken, mayBlock);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return store.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return store.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return store.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return store.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return store.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return store.createTokenAt(dateTime);
        }
    }
}
