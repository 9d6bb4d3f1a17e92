package dev.orderflow.shared.failure;

import dev.orderflow.api.refusal.RefusalKind;
import io.grpc.Status;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static dev.orderflow.shared.failure.AxonServerAnswers.invalidSequence;
import static dev.orderflow.shared.failure.AxonServerAnswers.received;
import static org.assertj.core.api.Assertions.assertThat;

class AxonServerErrorsTest {

    @Test
    void axonServersRefusalOfAFirstEventIsAConflictOnAnExistingId() {
        RuntimeException refusal = invalidSequence("42", 0, 1);

        assertThat(AxonServerErrors.codeOf(refusal)).contains("AXONIQ-2000");
        assertThat(DomainErrors.kindOf(refusal)).contains(RefusalKind.CONFLICT);
        assertThat(AxonServerErrors.sequenceTakenDetail(refusal)).contains("A resource with this id already exists");
        assertThat(PassingFailures.isConcurrentChange(refusal)).isFalse();
    }

    @Test
    void axonServersRefusalOfALaterEventIsAConcurrentChange() {
        RuntimeException refusal = invalidSequence("42", 3, 5);

        assertThat(DomainErrors.kindOf(refusal)).contains(RefusalKind.CONFLICT);
        assertThat(AxonServerErrors.sequenceTakenDetail(refusal))
                .contains("The resource was changed concurrently; retry the request");
        assertThat(PassingFailures.isConcurrentChange(refusal)).isTrue();
    }

    @Test
    void aRemoteHandlersFailureThatQuotesTheRefusalIsAConflictForTheSender() {
        // A handling instance that did not classify the refusal: Axon forwards its message under "the handler failed".
        RuntimeException atTheSender = received("AXONIQ-4002",
                "OUT_OF_RANGE: [AXONIQ-2000] Invalid sequence number 0 for aggregate 42, expected 1");

        assertThat(atTheSender).isInstanceOf(CommandExecutionException.class);
        assertThat(AxonServerErrors.codeOf(atTheSender)).contains("AXONIQ-2000");
        assertThat(DomainErrors.kindOf(atTheSender)).contains(RefusalKind.CONFLICT);
    }

    @Test
    void axonServersOwnConcurrencyCodeIsAConflict() {
        assertThat(DomainErrors.kindOf(received("AXONIQ-4004", "changed meanwhile"))).contains(RefusalKind.CONFLICT);
    }

    @Test
    void noHandlerForACommandOrAQueryMayPassAndIsNoRefusal() {
        RuntimeException command = received("AXONIQ-4000", "No Handler for command: PlaceOrderCommand");
        RuntimeException query = received("AXONIQ-5000", "No Handler for query: FindOrderQuery");

        assertThat(command).isInstanceOf(NoHandlerForCommandException.class);
        assertThat(query).isInstanceOf(NoHandlerForQueryException.class);
        assertThat(AxonServerErrors.unavailability(command)).map(AxonServerErrors.Unavailability::timedOut)
                                                           .contains(false);
        assertThat(AxonServerErrors.unavailability(query)).map(AxonServerErrors.Unavailability::timedOut)
                                                         .contains(false);
        // A follow-up command must be retried, not given up as refused.
        assertThat(DomainErrors.kindOf(command)).isEmpty();
    }

    @Test
    void aDispatchThatAxonServerCouldNotDeliverMayPass() {
        assertThat(AxonServerErrors.unavailability(received("AXONIQ-4003", "connection lost")))
                .map(AxonServerErrors.Unavailability::detail)
                .hasValueSatisfying(detail -> assertThat(detail).contains("AXONIQ-4003"));
        assertThat(AxonServerErrors.unavailability(received("AXONIQ-5002", "connection lost")))
                .map(AxonServerErrors.Unavailability::timedOut).contains(false);
    }

    @Test
    void aTimeoutMayPassAndIsToldAsNoAnswerInTime() {
        RuntimeException timedOut = new CompletionException(new TimeoutException());

        assertThat(AxonServerErrors.unavailability(timedOut)).map(AxonServerErrors.Unavailability::timedOut)
                                                            .contains(true);
        assertThat(DomainErrors.kindOf(timedOut)).isEmpty();
    }

    @Test
    void anyOtherCodeIsAFailureWhoseCodeIsKnown() {
        RuntimeException tooLarge = AxonServerAnswers.status(Status.INVALID_ARGUMENT, "AXONIQ-2001", "Payload too large");
        RuntimeException handlerFailed = received("AXONIQ-4002", "The disk is full");

        assertThat(AxonServerErrors.codeOf(tooLarge)).contains("AXONIQ-2001");
        assertThat(AxonServerErrors.codeOf(handlerFailed)).contains("AXONIQ-4002");
        assertThat(DomainErrors.kindOf(tooLarge)).isEmpty();
        assertThat(DomainErrors.kindOf(handlerFailed)).isEmpty();
        assertThat(AxonServerErrors.unavailability(tooLarge)).isEmpty();
        assertThat(AxonServerErrors.unavailability(handlerFailed)).isEmpty();
    }

    @Test
    void aFailureWithoutAxonServerHasNoCode() {
        assertThat(AxonServerErrors.codeOf(new IllegalStateException("The disk is full"))).isEmpty();
    }
}
