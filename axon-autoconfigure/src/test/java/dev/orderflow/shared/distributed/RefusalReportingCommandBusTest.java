package dev.orderflow.shared.distributed;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.shared.failure.AxonServerAnswers;
import dev.orderflow.shared.failure.RemoteDomainError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local segment as Axon Server drives it: a command arrives, the handler runs in a unit of work, and the result
 * (or failure) after the commit is what goes back to the sender.
 */
class RefusalReportingCommandBusTest {

    private static final String COMMAND = "java.lang.String";

    private final SimpleCommandBus bus = new RefusalReportingCommandBus(SimpleCommandBus.builder());

    @Test
    void aRepeatedCreateThatAxonServerRefusesOnCommitIsAConflictOnAnExistingId() {
        // Axon Server's event store refuses the append when the unit of work commits, with its gRPC status.
        bus.subscribe(COMMAND, failingOnCommit(AxonServerAnswers.invalidSequence("42", 0, 1)));

        CommandResultMessage<?> result = dispatch();

        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        assertThat(result.<RemoteDomainError>exceptionDetails()).contains(
                new RemoteDomainError(RefusalKind.CONFLICT, "A resource with this id already exists"));
    }

    @Test
    void aConcurrentChangeThatAxonServerRefusesOnCommitIsAConflict() {
        bus.subscribe(COMMAND, failingOnCommit(AxonServerAnswers.invalidSequence("42", 4, 6)));

        assertThat(dispatch().<RemoteDomainError>exceptionDetails()).contains(
                new RemoteDomainError(RefusalKind.CONFLICT, "The resource was changed concurrently; retry the request"));
    }

    @Test
    void aConcurrencyExceptionFoundOnCommitIsAConflict() {
        bus.subscribe(COMMAND, failingOnCommit(new ConcurrencyException("Invalid sequence number 0 for aggregate 42")));

        CommandResultMessage<?> result = dispatch();

        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        assertThat(result.<RemoteDomainError>exceptionDetails()).contains(
                new RemoteDomainError(RefusalKind.CONFLICT, "The resource was changed concurrently; retry the request"));
    }

    @Test
    void aRefusalOfASubscribingHandlerBeforeTheCommitKeepsItsKind() {
        // The email registry refuses in the same unit of work, when the event is published on prepare-commit.
        MessageHandler<CommandMessage<?>> handler = command -> {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                throw DomainException.conflict("The email a@b.c is already registered to another customer");
            });
            return null;
        };
        bus.subscribe(COMMAND, handler);

        assertThat(dispatch().<RemoteDomainError>exceptionDetails()).contains(new RemoteDomainError(
                RefusalKind.CONFLICT, "The email a@b.c is already registered to another customer"));
    }

    @Test
    void aRefusalTheInterceptorReportedIsLeftAsItIs() {
        bus.registerHandlerInterceptor(new RefusalKindInterceptor());
        bus.subscribe(COMMAND, command -> {
            throw DomainException.ruleViolated("Cannot cancel a shipped order");
        });

        CommandResultMessage<?> result = dispatch();

        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class)
                                            .hasCauseInstanceOf(DomainException.class);
        assertThat(result.<RemoteDomainError>exceptionDetails())
                .contains(new RemoteDomainError(RefusalKind.RULE_VIOLATED, "Cannot cancel a shipped order"));
    }

    @Test
    void aFailureOnCommitThatIsNoRefusalStaysAFailure() {
        IllegalStateException failure = new IllegalStateException("the database went away");
        bus.subscribe(COMMAND, failingOnCommit(failure));

        CommandResultMessage<?> result = dispatch();

        assertThat(result.exceptionResult()).isSameAs(failure);
        assertThat(result.exceptionDetails()).isEmpty();
    }

    @Test
    void aResultIsDeliveredUnchanged() {
        bus.subscribe(COMMAND, command -> 7L);

        CommandResultMessage<?> result = dispatch();

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo(7L);
    }

    private static MessageHandler<CommandMessage<?>> failingOnCommit(RuntimeException failure) {
        return command -> {
            CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                throw failure;
            });
            return null;
        };
    }

    private CommandResultMessage<?> dispatch() {
        AtomicReference<CommandResultMessage<?>> delivered = new AtomicReference<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("place order"),
                     (command, result) -> delivered.set(result));
        assertThat(delivered.get()).as("the bus answers synchronously").isNotNull();
        return delivered.get();
    }
}
