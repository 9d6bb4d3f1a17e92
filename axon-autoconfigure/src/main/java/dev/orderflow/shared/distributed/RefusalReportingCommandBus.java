package dev.orderflow.shared.distributed;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

/**
 * The local segment of the Axon Server command bus: the bus that runs the commands Axon Server routes to this
 * instance. It is Axon's {@link SimpleCommandBus}, except that a refusal found when the unit of work commits,
 * after every handler interceptor has returned, still travels back with its kind (see {@link RemoteRefusals}):
 * <ul>
 *   <li>a create that repeats an existing aggregate id, or a change racing another one, which Axon Server's event
 *   store rejects on commit with a gRPC status carrying its error code {@code AXONIQ-2000} (read by
 *   {@code AxonServerErrors});</li>
 *   <li>a refusal of a subscribing event handler run in the same unit of work (the email registry's unique key).</li>
 * </ul>
 * Axon Server would otherwise report those as a plain failure, answered 500.
 */
public class RefusalReportingCommandBus extends SimpleCommandBus {

    public RefusalReportingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) ->
                callback.onResult(message, withKind(result)));
    }

    static <R> CommandResultMessage<? extends R> withKind(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        return RemoteRefusals.withKind(result.exceptionResult())
                .<CommandResultMessage<? extends R>>map(refusal -> new GenericCommandResultMessage<>(refusal, result.getMetaData()))
                .orElse(result);
    }
}
