package dev.orderflow.shared.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterPolicyTest {

    private final DeadLetterPolicy policy = new DeadLetterPolicy();
    private final GenericDeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("sequence", GenericEventMessage.asEventMessage("payload"));

    @Test
    void aFailureThatWouldRepeatParksTheEventWithItsCause() {
        DataException tooLong = new DataException("could not execute statement",
                new SQLException("ERROR: value too long for type character varying(200)", "22001"));

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, tooLong);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause ->
                assertThat(cause.getMessage()).contains("could not execute statement"));
    }

    @Test
    void aCauseQuotingANulIsParkedWithTheNulWrittenOutSoTheTableCanHoldIt() {
        DataException nul = new DataException("could not execute batch [insert ... values (('a\u0000b'))]",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, nul);

        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> {
            assertThat(cause.getMessage()).doesNotContain("\u0000").contains("('a\\u0000b')");
            assertThat(((ThrowableCause) cause).type()).isEqualTo(DataException.class.getName());
        });
    }

    @Test
    void aLongCauseIsCutToTheColumnsSize() {
        ThrowableCause cause = DeadLetterPolicy.storableCause(new IllegalStateException("\u0001".repeat(2000)));

        assertThat(cause.message()).hasSize(ThrowableCause.TRUNCATED_MESSAGE_SIZE).startsWith("\\u0001\\u0001");
    }

    @Test
    void failuresThatPassAreThrownOnSoTheProcessorRetriesInsteadOfParking() {
        RuntimeException[] passing = {
                new GenericJDBCException("deadlock", new SQLException("deadlock detected", "40P01")),
                new GenericJDBCException("serialization", new SQLException("could not serialize access", "40001")),
                new GenericJDBCException("connection", new SQLException("connection refused", "08001")),
                new GenericJDBCException("shutdown", new SQLException("terminating connection", "57P01")),
                new GenericJDBCException("stale plan", new SQLException("cached plan must not change result type", "0A000")),
                new IllegalStateException(new SQLTransientConnectionException("Connection is not available")),
                new CannotAcquireLockException("lock")};

        for (RuntimeException failure : passing) {
            assertThatThrownBy(() -> policy.decide(letter, failure)).as(failure.getMessage()).isSameAs(failure);
        }
    }

    @Test
    void aWatchedRetryLearnsTheHandlersOwnFailure() {
        DataException tooLong = new DataException("value too long", new SQLException("too long", "22001"));

        DeadLetterPolicy.Watched<Boolean> watched = policy.watch(() -> {
            policy.decide(letter, tooLong);
            throw new IllegalStateException("Transaction silently rolled back");
        });

        assertThat(watched.handlerFailure()).containsSame(tooLong);
        assertThat(watched.thrown()).hasMessageContaining("silently rolled back");
        assertThat(policy.watch(() -> true).handlerFailure()).as("nothing left over from the last retry").isEmpty();
    }

    @Test
    void aBatchToRedoIsThrownOnNotParkedAndIsPartOfParkingNotAFailure() {
        DataException tooLong = new DataException("could not execute batch", new SQLException("value too long", "22001"));
        BatchRedoException redo = new BatchRedoException("order-history/0", 42, tooLong);

        assertThatThrownBy(() -> policy.decide(letter, redo)).isSameAs(redo);
        assertThat(EventParkedException.isParking(new IllegalStateException("batch failed", redo))).isTrue();
        assertThat(EventParkedException.isParking(tooLong)).isFalse();
    }
}
