package dev.orderflow.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps all events about one order in order, whichever aggregate published them (a cancelled shipment
 * and the next one scheduled for the same order, say): the sequence is the payload's {@code orderId}
 * record component. Events without one are sequenced per aggregate.
 */
final class OrderIdSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final ClassValue<Optional<Method>> ORDER_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            return Arrays.stream(type.getRecordComponents())
                         .filter(component -> component.getName().equals("orderId"))
                         .map(RecordComponent::getAccessor)
                         .findFirst();
        }
    };

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Optional<Method> orderId = ORDER_ID.get(event.getPayloadType());
        if (orderId.isEmpty()) {
            return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        }
        try {
            return orderId.get().invoke(event.getPayload());
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read orderId of " + event.getPayloadType().getName(), e);
        }
    }
}
