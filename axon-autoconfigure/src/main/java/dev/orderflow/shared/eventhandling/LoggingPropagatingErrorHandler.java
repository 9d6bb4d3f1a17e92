package dev.orderflow.shared.eventhandling;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed event handler with the event it failed on, then rethrows so the processor never
 * moves past it: a streaming processor releases the segment and retries with back-off, a subscribing
 * one fails the publishing unit of work. Axon's default logs and carries on, which skips the event.
 */
public class LoggingPropagatingErrorHandler implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LoggingPropagatingErrorHandler.class);

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            log.error("{} failed on {} {} of aggregate {} at sequence {}; the processor will retry it",
                    handler.getTargetType().getSimpleName(), event.getPayloadType().getSimpleName(),
                    event.getIdentifier(), domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                    exception);
        } else {
            log.error("{} failed on {} {}; the processor will retry it",
                    handler.getTargetType().getSimpleName(), event.getPayloadType().getSimpleName(),
                    event.getIdentifier(), exception);
        }
        throw exception;
    }
}
