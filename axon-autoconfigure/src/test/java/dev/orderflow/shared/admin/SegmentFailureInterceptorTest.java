package dev.orderflow.shared.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The interceptor on Axon's own unit of work, as a streaming processor runs a batch of two events. */
class SegmentFailureInterceptorTest {

    private final SegmentFailures failures = new SegmentFailures(Clock.systemUTC());
    private final SegmentFailureInterceptor interceptor = new SegmentFailureInterceptor("catalogue", failures,
            failure -> failure instanceof ExpectedRollback);

    @Test
    void aBatchThatRollsBackCountsOnceForItsSegment() {
        runBatch(3, new IllegalStateException("refused"));

        assertThat(failures.of("catalogue", 3)).hasValueSatisfying(failure -> {
            assertThat(failure.retries()).as("one batch, two events").isEqualTo(1);
            assertThat(failure.error()).contains("refused");
        });
    }

    @Test
    void aCommittedBatchEndsTheSegmentsFailure() {
        runBatch(3, new IllegalStateException("refused"));

        runBatch(3, null);

        assertThat(failures.of("catalogue", 3)).isEmpty();
    }

    @Test
    void aRollbackThatIsPartOfNormalWorkIsNoFailure() {
        runBatch(3, new ExpectedRollback());

        assertThat(failures.of("catalogue", 3)).isEmpty();
    }

    @Test
    void aUnitOfWorkWithoutASegmentIsLeftAlone() {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(event("a")));

        unitOfWork.executeWithResult(() -> interceptor.handle(unitOfWork, () -> {
            throw new IllegalStateException("subscribing processors have no segment");
        }));

        assertThat(failures.of("catalogue", 0)).isEmpty();
    }

    private void runBatch(int segment, RuntimeException failure) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(event("a"), event("b")));
        unitOfWork.resources().put("Processor[catalogue]/SegmentId", segment);
        unitOfWork.executeWithResult(() -> interceptor.handle(unitOfWork, () -> {
            if (failure != null) {
                throw failure;
            }
            return null;
        }));
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private static final class ExpectedRollback extends RuntimeException {
    }
}
