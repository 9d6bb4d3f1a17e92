package dev.orderflow.shared.distributed;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Wraps a refusal thrown by a command handler (a {@code DomainException}, an unknown aggregate, a stale version) in
 * a {@code CommandExecutionException} that carries its kind, so the sender on the other side of Axon Server still
 * answers 422, 409 or 404 and not 500. The unit of work rolls back as for any exception; a failure that is not a
 * refusal passes unchanged.
 * <p>
 * It sees only what the handler throws. A refusal raised when the unit of work commits, after the handler returned
 * (a duplicate aggregate id or a concurrent change found by the event store, the email registry's unique key), is
 * given its kind by {@link RefusalReportingCommandBus}.
 */
public class RefusalKindInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (Exception failure) {
            throw RemoteRefusals.withKind(failure).map(Exception.class::cast).orElse(failure);
        }
    }
}
