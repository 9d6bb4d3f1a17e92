package dev.orderflow.shared.deadletter;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Member;

/**
 * Makes the event handlers of dead-lettering processing groups write their changes to the database before
 * they return. Left to itself, JPA writes a whole batch's changes when the batch commits: a change the
 * database refuses (a value too long for its column, a broken constraint) would then fail the batch outside
 * any handler, where the dead-letter queue cannot tell which event caused it. Flushed per event, the refusal
 * is that event's handler failing, and only its sequence is parked.
 * <p>
 * The price is that inserts of different events are no longer sent to the database together; see
 * docs/reliability.md for what that costs a replay.
 */
final class FlushingEventHandlerEnhancer implements HandlerEnhancerDefinition {

    private final DeadLetteringGroups groups;
    private final ObjectProvider<EntityManagerProvider> entityManagers;

    FlushingEventHandlerEnhancer(DeadLetteringGroups groups, ObjectProvider<EntityManagerProvider> entityManagers) {
        this.groups = groups;
        this.entityManagers = entityManagers;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        String group = original.unwrap(Member.class)
                .map(member -> AnnotatedElementUtils.findMergedAnnotation(member.getDeclaringClass(), ProcessingGroup.class))
                .map(ProcessingGroup::value)
                .orElse(null);
        if (group == null || !groups.names().contains(group)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object result = super.handle(message, target);
                if (TransactionSynchronizationManager.isActualTransactionActive()) {
                    entityManagers.getObject().getEntityManager().flush();
                }
                return result;
            }
        };
    }
}
