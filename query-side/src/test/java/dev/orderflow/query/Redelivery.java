package dev.orderflow.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Delivers events a second time to a projection, in their original order and in one transaction, through
 * Axon's own handler adapter: what a processor does when it retries a batch or restarts from an older
 * token. A projection is idempotent when its read model is the same afterwards.
 */
public final class Redelivery {

    private Redelivery() {
    }

    public static void deliverAgain(Object projection, List<? extends EventMessage<?>> events, TransactionTemplate transaction) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        transaction.executeWithoutResult(status -> {
            for (EventMessage<?> event : events) {
                if (handlers.canHandle(event)) {
                    try {
                        handlers.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException("Redelivery of " + event.getPayloadType().getSimpleName() + " failed", e);
                    }
                }
            }
        });
    }
}
