package dev.orderflow.shared.deadletter;

import dev.orderflow.shared.failure.PassingFailures;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Decides what happens to an event its handler failed on, and tells a retry why it failed.
 * <ul>
 *   <li>A {@link BatchRedoException} is thrown on: it blames no event, its batch is redone to find the one.</li>
 *   <li>A failure that passes by itself (a lost connection, a deadlock or serialization failure, a database
 *   shutting down, a statement plan a schema change invalidated: see {@link PassingFailures}) is not parked: it is thrown on, so the batch
 *   fails and the processor retries it with back-off, as without dead letters.</li>
 *   <li>Any other failure parks the event, with a {@linkplain #storableCause cause the table can hold}.</li>
 * </ul>
 * A failed retry rolls back its transaction, and the exception that reaches its caller only says so; the
 * handler's own exception passes through here first, and is remembered for a retry {@linkplain #watch watched}
 * on the same thread.
 * <p>
 * A service that decides otherwise declares a bean of a subclass (calling {@code super.decide} for what it leaves
 * as it is), and the auto-configuration backs off.
 */
public class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private final ThreadLocal<AtomicReference<Throwable>> watched = new ThreadLocal<>();

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (cause instanceof BatchRedoException redo) {
            throw redo;
        }
        AtomicReference<Throwable> failure = watched.get();
        if (failure != null) {
            failure.compareAndSet(null, cause);
        }
        if (isTransient(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Transient failure, not parked: " + cause.getMessage(), cause);
        }
        return Decisions.enqueue(storableCause(cause));
    }

    /**
     * The cause as the dead-letter table can hold it: its message cut to the column's size, and control
     * characters written as {@code \\uXXXX}. Postgres refuses a NUL in text, and the driver's messages quote
     * the values a statement was refused for: an event whose payload holds a NUL would otherwise fail to be
     * parked for the very reason it failed to be handled.
     */
    static ThrowableCause storableCause(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        StringBuilder storable = new StringBuilder(Math.min(message.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        for (int i = 0; i < message.length() && storable.length() < ThrowableCause.TRUNCATED_MESSAGE_SIZE; i++) {
            char character = message.charAt(i);
            if (Character.isISOControl(character) && character != '\n' && character != '\r' && character != '\t') {
                storable.append(String.format("\\u%04x", (int) character));
            } else {
                storable.append(character);
            }
        }
        storable.setLength(Math.min(storable.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        return new ThrowableCause(failure.getClass().getName(), storable.toString());
    }

    static boolean isTransient(Throwable failure) {
        return PassingFailures.isPassing(failure);
    }

    /** Runs a retry on this thread and answers the first handler failure it met, if any. */
    <T> Watched<T> watch(Supplier<T> retry) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        watched.set(failure);
        try {
            T result = retry.get();
            return new Watched<>(result, Optional.ofNullable(failure.get()), null);
        } catch (RuntimeException e) {
            return new Watched<>(null, Optional.ofNullable(failure.get()), e);
        } finally {
            watched.remove();
        }
    }

    /** @param thrown what the retry threw, null when it returned {@code result} */
    record Watched<T>(T result, Optional<Throwable> handlerFailure, RuntimeException thrown) {
    }
}
