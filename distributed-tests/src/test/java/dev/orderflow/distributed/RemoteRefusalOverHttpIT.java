package dev.orderflow.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.distributed.RefusalReportingCommandBus;
import dev.orderflow.shared.failure.AxonServerAnswers;
import dev.orderflow.shared.failure.DomainErrors;
import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.testfixtures.ServiceClient;
import io.axoniq.axonserver.grpc.ErrorMessage;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.grpc.Status;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refusal keeps its HTTP status across Axon Server. A small service in the distributed configuration (Axon Server
 * on, Orderflow's shared auto-configuration) runs a command on its Axon Server local segment, as it would for a
 * command Axon Server routed to it; the result then takes the trip a result takes through Axon Server, serialized
 * and read back with Axon's own connector serializer, and the REST layer answers what the sender received. No Axon
 * Server runs here: its address points at a closed port, which also shows that readiness is down without it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = RemoteRefusalOverHttpIT.RefusingService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "axon.axonserver.enabled=true",
                "axon.axonserver.servers=127.0.0.1:1",
                "axon.axonserver.component-name=refusing-service",
                "management.endpoint.health.group.readiness.include=readinessState,db,axonServer"
        })
class RemoteRefusalOverHttpIT {

    @LocalServerPort
    int port;
    @Autowired
    AxonServerCommandBus commandBus;

    private RestClient http;

    @BeforeEach
    void client() {
        http = ServiceClient.onLocalPort(port).restClient();
    }

    @Test
    void theLocalSegmentIsOursAndCarriesTheInterceptor() {
        assertThat(commandBus.localSegment()).isInstanceOf(RefusalReportingCommandBus.class);
    }

    @Test
    void aBrokenRuleIs422() {
        assertProblem("rule", HttpStatus.UNPROCESSABLE_ENTITY, "RULE_VIOLATED", "Cannot cancel a shipped order");
    }

    @Test
    void aConflictIs409() {
        assertProblem("conflict", HttpStatus.CONFLICT, "CONFLICT",
                      "The email ann@example.com is already registered to another customer");
    }

    @Test
    void anUnknownAggregateIs404() {
        assertProblem("missing", HttpStatus.NOT_FOUND, "NOT_FOUND", "Nothing exists with id 42");
    }

    @Test
    void anIdOfAnotherAggregateTypeIs404() {
        assertProblem("other-type", HttpStatus.NOT_FOUND, "NOT_FOUND", DomainErrors.NO_SUCH_AGGREGATE_TYPE);
    }

    @Test
    void aStaleIfMatchIs409() {
        assertProblem("stale", HttpStatus.CONFLICT, "CONFLICT",
                      "The resource was changed since the version you sent (If-Match); read it again and retry");
    }

    @Test
    void aRepeatedCreateRefusedByTheEventStoreOnCommitIs409() {
        assertProblem("taken-on-commit", HttpStatus.CONFLICT, "CONFLICT",
                      "The resource was changed concurrently; retry the request");
    }

    @Test
    void aRepeatedCreateAxonServerRefusesOnCommitIs409() {
        assertProblem("taken-on-axon-server", HttpStatus.CONFLICT, "CONFLICT", "A resource with this id already exists");
    }

    @Test
    void noHandlerForTheCommandIs503() {
        assertProblem(answered("AXONIQ-4000", "No Handler for command: PlaceOrderCommand"),
                      HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                      "No running service handles this request at the moment; retry once the service that handles it"
                              + " is up");
    }

    @Test
    void noHandlerForTheQueryIs503() {
        ResponseEntity<JsonNode> answer = http.post().uri("/query-answers/{code}", "AXONIQ-5000").retrieve()
                                              .toEntity(JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().path("kind").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void aCommandAxonServerCouldNotDeliverIs503() {
        ResponseEntity<JsonNode> answer = answered("AXONIQ-4003", "Connection to the handler lost");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().path("detail").asText()).contains("AXONIQ-4003");
    }

    @Test
    void anAnswerTheSenderGaveUpWaitingForIs504() {
        ResponseEntity<JsonNode> answer = http.post().uri("/unanswered/bounded").retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(answer.getBody().path("kind").asText()).isEqualTo("TIMED_OUT");
    }

    @Test
    void aRequestThatOutlivesTheAsyncRequestTimeoutIs504() {
        ResponseEntity<JsonNode> answer = http.post().uri("/unanswered/deferred").retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("kind").asText()).isEqualTo("TIMED_OUT");
    }

    @Test
    void anyOtherCodeStays500AndIsLogged(CapturedOutput output) {
        ResponseEntity<JsonNode> answer = post("too-large-for-axon-server");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(output.getOut()).contains("Unexpected failure handling uri=/refusals/too-large-for-axon-server"
                                             + " (Axon Server error code AXONIQ-2001)");
    }

    @Test
    void aFailureThatIsNoRefusalStays500() {
        ResponseEntity<JsonNode> answer = post("failure");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void anAcceptedCommandIs204() {
        assertThat(post("accept").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void readinessIsDownWhileAxonServerCannotBeReachedAndSaysWhy() {
        await().untilAsserted(() -> {
            // The parts of a health answer are shown to an admin only.
            ResponseEntity<JsonNode> readiness = http.get().uri("/actuator/health/readiness")
                                                     .header(HttpHeaders.AUTHORIZATION, DevelopmentCredentials.ADMIN.basicAuthorization())
                                                     .retrieve().toEntity(JsonNode.class);
            assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            JsonNode components = readiness.getBody().path("components");
            assertThat(components.path("axonServer").path("status").asText()).isEqualTo("DOWN");
            assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
            assertThat(components.path("readinessState").path("status").asText()).isEqualTo("UP");
        });
    }

    private void assertProblem(String how, HttpStatus status, String kind, String detail) {
        assertProblem(post(how), status, kind, detail);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String kind, String detail) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("kind").asText()).isEqualTo(kind);
        assertThat(answer.getBody().path("detail").asText()).isEqualTo(detail);
        assertThat(answer.getBody().path("status").asInt()).isEqualTo(status.value());
    }

    private ResponseEntity<JsonNode> answered(String code, String message) {
        return http.post().uri("/answers/{code}", code).contentType(MediaType.TEXT_PLAIN).body(message).retrieve()
                   .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String how) {
        return http.post().uri("/refusals/{how}", how).retrieve().toEntity(JsonNode.class);
    }

    /** The command of this test service: {@code how} says how its handler answers. */
    record Refuse(String how) {
    }

    static class RefusingHandler {

        @CommandHandler
        void handle(Refuse command) {
            switch (command.how()) {
                case "rule" -> throw DomainException.ruleViolated("Cannot cancel a shipped order");
                case "conflict" -> throw DomainException.conflict(
                        "The email ann@example.com is already registered to another customer");
                case "missing" -> throw new AggregateNotFoundException("42", "The aggregate was not found");
                // What sourcing a customer's events into a product ends in.
                case "other-type" -> throw new IncompatibleAggregateException(
                        "Aggregate identifier must be non-null after applying an event");
                case "stale" -> throw new ConflictingAggregateVersionException("42", 0, 3);
                // What Axon Server's event store answers on commit to a create that repeats an aggregate id.
                case "taken-on-commit" -> CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                    throw new ConcurrencyException("Invalid sequence number 0 for aggregate 42, expected 1");
                });
                case "taken-on-axon-server" -> CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                    throw AxonServerAnswers.invalidSequence("42", 0, 1);
                });
                case "too-large-for-axon-server" -> CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                    throw AxonServerAnswers.status(Status.INVALID_ARGUMENT, "AXONIQ-2001", "Event payload too large");
                });
                case "failure" -> throw new IllegalStateException("The disk is full");
                default -> {
                }
            }
        }
    }

    /**
     * The sender's REST endpoint, with Axon Server's hop made explicit: the local segment handles the command as it
     * does one that Axon Server delivers, the handling instance serializes the result into Axon Server's response
     * message, and the sender reads it back, exactly as {@code AxonServerCommandBus} does on both ends.
     */
    @RestController
    static class SenderController {

        private final AxonServerCommandBus commandBus;
        private final CommandSerializer axonServerWire;

        SenderController(AxonServerCommandBus commandBus, @Qualifier("messageSerializer") Serializer messageSerializer,
                         AxonServerConfiguration configuration) {
            this.commandBus = commandBus;
            this.axonServerWire = new CommandSerializer(messageSerializer, configuration);
        }

        /** The sender's side of an answer Axon Server gives itself (no handler, a dispatch failure), read back by Axon's connector. */
        @PostMapping("/answers/{code}")
        ResponseEntity<Void> answer(@PathVariable String code, @RequestBody String message) throws Throwable {
            CommandResponse fromAxonServer = CommandResponse.newBuilder()
                    .setRequestIdentifier(UUID.randomUUID().toString())
                    .setErrorCode(code)
                    .setErrorMessage(ErrorMessage.newBuilder().setErrorCode(code).setMessage(message)
                                                 .setLocation("axonserver"))
                    .build();
            throw axonServerWire.deserialize(fromAxonServer).exceptionResult();
        }

        /** A query's answer with this code, converted as Axon's Axon Server query bus converts it. */
        @PostMapping("/query-answers/{code}")
        ResponseEntity<Void> queryAnswer(@PathVariable String code) {
            throw ErrorCode.getFromCode(code).convert(ErrorMessage.newBuilder().setErrorCode(code)
                    .setMessage("No Handler for query: FindOrderQuery").setLocation("axonserver").build());
        }

        /** A command's answer that never comes, waited for with a bound, as a sender may wait on Axon Server. */
        @PostMapping("/unanswered/bounded")
        CompletableFuture<ResponseEntity<Void>> unansweredWithinABound() {
            return new CompletableFuture<ResponseEntity<Void>>().orTimeout(50, TimeUnit.MILLISECONDS);
        }

        /** The same, left to Spring MVC's limit for an asynchronous request, as the command controllers are. */
        @PostMapping("/unanswered/deferred")
        DeferredResult<ResponseEntity<Void>> unansweredWithinSpringsLimit() {
            return new DeferredResult<>(50L);
        }

        @PostMapping("/refusals/{how}")
        ResponseEntity<Void> send(@PathVariable String how) throws Throwable {
            CommandMessage<Object> command = GenericCommandMessage.asCommandMessage(new Refuse(how));
            CompletableFuture<CommandResultMessage<?>> handled = new CompletableFuture<>();
            commandBus.localSegment().dispatch(command, (message, result) -> handled.complete(result));

            CommandResponse overTheWire = axonServerWire.serialize(handled.join(), command.getIdentifier());
            CommandResultMessage<Object> received = axonServerWire.deserialize(overTheWire);

            if (received.isExceptional()) {
                throw received.exceptionResult();
            }
            return ResponseEntity.noContent().build();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({RefusingHandler.class, SenderController.class})
    static class RefusingService {
    }
}
