package dev.orderflow.shared.command;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.shared.failure.DomainErrors;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpCommandsTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final FollowUpCommands commands = new FollowUpCommands(DefaultCommandGateway.builder().commandBus(bus).build());

    record Reserve(String what) {
    }

    @Test
    void aCommandThatSucceedsHandsNothingBack() {
        handleWith(command -> null);

        assertThat(commands.send(new Reserve("mugs"))).isEmpty();
    }

    @Test
    void aRefusalIsHandedBackWithItsKindAndReason() {
        handleWith(command -> {
            throw DomainException.ruleViolated("Order is CANCELLED and cannot be confirmed");
        });

        Optional<Refusal> refusal = commands.send(new Reserve("mugs"));

        assertThat(refusal).contains(new Refusal(Optional.of(RefusalKind.RULE_VIOLATED), "Order is CANCELLED and cannot be confirmed"));
        assertThat(refusal.get().leavesNoTrace()).isFalse();
    }

    @Test
    void anIdOfAnotherAggregateTypeIsNotFound() {
        handleWith(command -> {
            throw new IncompatibleAggregateException("Aggregate identifier must be non-null after applying an event");
        });

        Optional<Refusal> refusal = commands.send(new Reserve("mugs"));

        assertThat(refusal).contains(new Refusal(Optional.of(RefusalKind.NOT_FOUND), DomainErrors.NO_SUCH_AGGREGATE_TYPE));
        assertThat(refusal.get().leavesNoTrace()).isTrue();
    }

    @Test
    void aFailureThatNoRetryMendsIsHandedBackWithoutAKind() {
        handleWith(command -> {
            throw new IllegalStateException("a bug");
        });

        Optional<Refusal> refusal = commands.send(new Reserve("mugs"));

        assertThat(refusal).contains(new Refusal(Optional.empty(), "a bug"));
        assertThat(refusal.get().leavesNoTrace()).isTrue();
    }

    @Test
    void aConcurrentChangeOfTheAggregateIsThrownSoTheCommandRunsAgainOnTheNewState() {
        handleWith(command -> {
            throw new ConcurrencyException("An event for aggregate [p-1] at sequence [7] was already inserted");
        });

        assertThatThrownBy(() -> commands.send(new Reserve("mugs"))).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void aCreateThatRepeatsAnIdStaysAConflictHandedBack() {
        handleWith(command -> {
            throw new AggregateStreamCreationException("Cannot reuse aggregate identifier [p-1] to create aggregate");
        });

        assertThat(commands.send(new Reserve("mugs"))).hasValueSatisfying(refusal -> assertThat(refusal.is(RefusalKind.CONFLICT)).isTrue());
    }

    @Test
    void aPassingFailureIsThrownSoTheProcessorRetriesTheEvent() {
        handleWith(command -> {
            throw new IllegalStateException("lost", new SQLTransientConnectionException("connection reset", "08006"));
        });

        assertThatThrownBy(() -> commands.send(new Reserve("mugs"))).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void aDatabaseTimeoutIsThrownSoTheProcessorRetriesTheEvent() {
        handleWith(command -> {
            throw new QueryTimeoutException("statement timed out");
        });

        assertThatThrownBy(() -> commands.send(new Reserve("mugs"))).isInstanceOf(QueryTimeoutException.class);
    }

    @Test
    void aCommandNoHandlerIsSubscribedForYetIsThrownSoTheProcessorRetriesIt() {
        assertThatThrownBy(() -> commands.send(new Reserve("mugs"))).isInstanceOf(NoHandlerForCommandException.class);
    }

    @Test
    void aCommandAxonServerFoundNoHandlerForIsThrownSoTheProcessorRetriesIt() {
        handleWith(command -> {
            throw new IllegalStateException("[" + ErrorCode.NO_HANDLER_FOR_COMMAND.errorCode() + "] No handler for command");
        });

        assertThatThrownBy(() -> commands.send(new Reserve("mugs"))).isInstanceOf(IllegalStateException.class);
    }

    private void handleWith(MessageHandler<org.axonframework.commandhandling.CommandMessage<?>> handler) {
        bus.subscribe(Reserve.class.getName(), handler);
    }
}
