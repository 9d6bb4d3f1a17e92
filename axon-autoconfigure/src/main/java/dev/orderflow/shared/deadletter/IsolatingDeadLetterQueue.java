package dev.orderflow.shared.deadletter;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A dead-letter queue that parks a failed event without taking the events handled beside it down with it.
 * <p>
 * A projection handles a batch of events in one transaction. When a handler fails (on Postgres: any failed
 * statement), that transaction can no longer commit anything, neither the dead letter nor the batch's other
 * events. So the first letter of a sequence is stored in a transaction of its own, and then the batch is made
 * to fail: it rolls back and the processor handles it again, now finding the event's sequence parked. The
 * event already parked is not parked a second time; the later events of its sequence join it; the others are
 * handled as before. Nothing is skipped, and nothing of the failed handler's partial work is kept.
 * <p>
 * Until the processor has redone that batch, the new letter is visible but its event still ahead of the
 * processor: retried or evicted then, it would be handled (or parked) once more by the redo. So the sequence
 * is marked {@linkplain #busySince busy} from parking until the redo reaches it, with the claim Axon's own
 * retries respect; the admin API refuses to touch a busy sequence. A claim older than {@link #CLAIM_DURATION}
 * has been given up (the processor stopped before its redo) and no longer counts.
 */
final class IsolatingDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(IsolatingDeadLetterQueue.class);
    /** How long a claim on a sequence holds, as in Axon's JPA queue (its default, kept). */
    static final Duration CLAIM_DURATION = Duration.ofSeconds(30);

    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final TransactionTemplate ownTransaction;
    private final EntityManagerProvider entityManagers;

    IsolatingDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> delegate,
                             TransactionTemplate transactions, EntityManagerProvider entityManagers) {
        this.processingGroup = processingGroup;
        this.delegate = delegate;
        this.entityManagers = entityManagers;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Called when a handler failed on the first event of a sequence not parked yet. */
    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String cause = letter.cause().map(c -> c.type() + ": " + c.message()).orElse("unknown");
        log.error("Processing group {} failed on {} {}{}: {}. Parking it with the rest of its sequence {}; "
                        + "list it at GET /admin/dead-letters, retry it once the cause is fixed",
                processingGroup, event.getPayloadType().getSimpleName(), event.getIdentifier(), aggregateOf(event),
                cause, sequenceIdentifier);
        ownTransaction.executeWithoutResult(status -> {
            if (!parked(sequenceIdentifier, event)) {
                delegate.enqueue(sequenceIdentifier, letter);
            }
            claim(sequenceIdentifier, GenericDeadLetter.clock.instant());
        });
        throw new EventParkedException(processingGroup, event, sequenceIdentifier);
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier, Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!delegate.contains(sequenceIdentifier)) {
            return false;
        }
        DeadLetter<? extends EventMessage<?>> letter = letterBuilder.get();
        if (parked(sequenceIdentifier, letter.message())) {
            claim(sequenceIdentifier, null); // the redo got here: the processor is past it
        } else {
            delegate.enqueue(sequenceIdentifier, letter);
        }
        return true;
    }

    /** Since when the processor holds the sequence, if it does: it has not yet moved past its parked events. */
    Optional<Instant> busySince(String sequenceIdentifier) {
        Instant limit = GenericDeadLetter.clock.instant().minus(CLAIM_DURATION);
        return entityManagers.getEntityManager().createQuery(
                        "select dl.processingStarted from DeadLetterEntry dl where dl.processingGroup = :group "
                                + "and dl.sequenceIdentifier = :sequence order by dl.sequenceIndex", Instant.class)
                .setParameter("group", processingGroup)
                .setParameter("sequence", sequenceIdentifier)
                .setMaxResults(1)
                .getResultStream()
                .filter(since -> since != null && since.isAfter(limit))
                .findFirst();
    }

    private void claim(Object sequenceIdentifier, Instant since) {
        entityManagers.getEntityManager().createQuery(
                        "update DeadLetterEntry dl set dl.processingStarted = :since where dl.processingGroup = :group "
                                + "and dl.sequenceIdentifier = :sequence")
                .setParameter("since", since)
                .setParameter("group", processingGroup)
                .setParameter("sequence", stored(sequenceIdentifier))
                .executeUpdate();
    }

    /** The sequence identifier as the JPA queue stores it. */
    static String stored(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String string ? string : Integer.toString(sequenceIdentifier.hashCode());
    }

    /** Whether this very event is in the queue already: parked before its batch was rolled back and redone. */
    private boolean parked(Object sequenceIdentifier, EventMessage<?> event) {
        for (DeadLetter<? extends EventMessage<?>> letter : delegate.deadLetterSequence(sequenceIdentifier)) {
            if (letter.message().getIdentifier().equals(event.getIdentifier())) {
                return true;
            }
        }
        return false;
    }

    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? " of aggregate " + domainEvent.getAggregateIdentifier() + " at sequence " + domainEvent.getSequenceNumber()
                : "";
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
