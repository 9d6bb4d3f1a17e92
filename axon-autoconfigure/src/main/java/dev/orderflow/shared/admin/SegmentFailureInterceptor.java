package dev.orderflow.shared.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Predicate;

/**
 * Tells {@link SegmentFailures} how each batch of a streaming processor ended: committed, or rolled back and
 * why. Streaming processors put the segment they handle in the unit of work's resources; subscribing ones
 * have none and are left out.
 */
final class SegmentFailureInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final String segmentResource;
    private final String watchedResource;
    private final SegmentFailures failures;
    private final Predicate<Throwable> notAFailure;

    /**
     * @param notAFailure rollbacks that are part of normal work, such as a batch redone once a dead letter is
     *                    parked; they neither count nor end a failure
     */
    SegmentFailureInterceptor(String processor, SegmentFailures failures, Predicate<Throwable> notAFailure) {
        this.processor = processor;
        // The key Axon's streaming processors store the segment under.
        this.segmentResource = "Processor[" + processor + "]/SegmentId";
        this.watchedResource = SegmentFailureInterceptor.class.getName() + "[" + processor + "]";
        this.failures = failures;
        this.notAFailure = notAFailure;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        Object segment = unitOfWork.getResource(segmentResource);
        // A batch is one unit of work for all its events: watch it once.
        if (segment instanceof Integer segmentId && unitOfWork.resources().putIfAbsent(watchedResource, true) == null) {
            unitOfWork.afterCommit(committed -> failures.succeeded(processor, segmentId));
            unitOfWork.onRollback(rolledBack -> {
                Throwable cause = rolledBack.getExecutionResult() == null ? null
                        : rolledBack.getExecutionResult().getExceptionResult();
                if (cause != null && !notAFailure.test(cause)) {
                    failures.failed(processor, segmentId, cause);
                }
            });
        }
        return interceptorChain.proceed();
    }
}
