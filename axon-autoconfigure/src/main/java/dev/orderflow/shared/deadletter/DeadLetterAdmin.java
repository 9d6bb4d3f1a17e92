package dev.orderflow.shared.deadletter;

import dev.orderflow.api.refusal.DomainException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shows the dead letters of a service's dead-lettering processing groups and lets an operator retry or evict
 * them. A retry handles a parked sequence again from its first event, through the same handlers, in one
 * transaction: either every event of it is handled and it leaves the queue, or nothing changes but its cause
 * and retry count. An evicted event is never handled: the read model goes without it until a replay.
 */
public class DeadLetterAdmin {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);
    static final String RETRIES = "retries";

    private final EventProcessingConfiguration processing;
    private final DeadLetteringGroups groups;
    private final DeadLetterPolicy policy;
    private final TransactionTemplate transaction;

    DeadLetterAdmin(EventProcessingConfiguration processing, DeadLetteringGroups groups, DeadLetterPolicy policy,
                    TransactionTemplate transactions) {
        this.processing = processing;
        this.groups = groups;
        this.policy = policy;
        this.transaction = new TransactionTemplate(transactions.getTransactionManager());
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every parked sequence, of one processing group or of all, ordered by group. */
    public List<DeadLetterSequence> sequences(Optional<String> processingGroup) {
        List<String> names = processingGroup.map(name -> {
            queue(name);
            return List.of(name);
        }).orElseGet(() -> groups.names().stream().sorted().toList());
        List<DeadLetterSequence> sequences = new ArrayList<>();
        for (String name : names) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
            transaction.executeWithoutResult(status -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    List<DeadLetterSequence.Letter> letters = new ArrayList<>();
                    String sequenceIdentifier = null;
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        sequenceIdentifier = sequenceOf(letter);
                        letters.add(view(letter));
                    }
                    if (!letters.isEmpty()) {
                        sequences.add(new DeadLetterSequence(name, sequenceIdentifier,
                                busySince(queue, sequenceIdentifier).isPresent(), letters));
                    }
                }
            });
        }
        return sequences;
    }

    /** The processing groups that keep dead letters. */
    public Set<String> processingGroups() {
        return groups.names();
    }

    /** How many events the group has parked. */
    public long size(String processingGroup) {
        return queue(processingGroup).size();
    }

    /** Retries every parked sequence of the group, one after the other; busy ones are left for a later retry. */
    public List<RetryOutcome> retryAll(String processingGroup) {
        return sequences(Optional.of(processingGroup)).stream()
                .filter(sequence -> !sequence.busy())
                .map(sequence -> retry(processingGroup, sequence.sequenceIdentifier()))
                .toList();
    }

    /** Handles the sequence again from its first parked event. */
    public RetryOutcome retry(String processingGroup, String sequenceIdentifier) {
        List<DeadLetter<? extends EventMessage<?>>> letters = idleLetters(processingGroup, sequenceIdentifier);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> DomainException.notFound("Processing group " + processingGroup
                        + " has no dead-letter processor in this service"));
        DeadLetterPolicy.Watched<Boolean> retry =
                policy.watch(() -> processor.process(letter -> sequenceIdentifier.equals(sequenceOf(letter))));
        if (Boolean.TRUE.equals(retry.result())) {
            log.info("Retried the parked sequence {} of processing group {}: all {} events handled",
                    sequenceIdentifier, processingGroup, letters.size());
            return new RetryOutcome(processingGroup, sequenceIdentifier, true, null);
        }
        Throwable failure = retry.handlerFailure().orElse(retry.thrown());
        DeadLetter<? extends EventMessage<?>> first = recordFailedRetry(processingGroup, sequenceIdentifier, failure);
        DeadLetterSequence.Cause cause = first == null ? null : view(first).cause();
        log.warn("Retrying the parked sequence {} of processing group {} failed again: {}", sequenceIdentifier,
                processingGroup, cause);
        return new RetryOutcome(processingGroup, sequenceIdentifier, false, cause);
    }

    /** Drops every parked event of the sequence: none of them will be handled. */
    public void evict(String processingGroup, String sequenceIdentifier) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        List<DeadLetter<? extends EventMessage<?>>> letters = idleLetters(processingGroup, sequenceIdentifier);
        transaction.executeWithoutResult(status -> letters.forEach(queue::evict));
        log.warn("Evicted the parked sequence {} of processing group {}: its events will not be handled",
                sequenceIdentifier, processingGroup);
    }

    /** Drops one parked event; the others of its sequence stay parked. */
    public void evict(String processingGroup, String sequenceIdentifier, String letterId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        DeadLetter<? extends EventMessage<?>> letter = idleLetters(processingGroup, sequenceIdentifier).stream()
                .filter(candidate -> letterId.equals(idOf(candidate)))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("No dead letter " + letterId + " in sequence "
                        + sequenceIdentifier + " of processing group " + processingGroup));
        transaction.executeWithoutResult(status -> queue.evict(letter));
        log.warn("Evicted dead letter {} ({}) of sequence {} of processing group {}: it will not be handled",
                letterId, letter.message().getPayloadType().getSimpleName(), sequenceIdentifier, processingGroup);
    }

    /**
     * A failed retry rolls back everything it did, the record of its failure included: count it, and keep the
     * new cause, in a transaction of its own. Returns the sequence's first letter as it now is.
     */
    private DeadLetter<? extends EventMessage<?>> recordFailedRetry(String processingGroup, String sequenceIdentifier,
                                                                    Throwable failure) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        return transaction.execute(status -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = lettersOrEmpty(queue, sequenceIdentifier);
            if (letters.isEmpty()) {
                return null;
            }
            DeadLetter<? extends EventMessage<?>> first = letters.get(0);
            long retries = retriesOf(first);
            queue.requeue(first, letter -> letter.withCause(failure == null ? null : DeadLetterPolicy.storableCause(failure))
                    .withDiagnostics(letter.diagnostics().and(RETRIES, retries + 1)));
            return lettersOrEmpty(queue, sequenceIdentifier).get(0);
        });
    }

    /** The sequence's letters, provided no processor holds it; 404 when it is not parked, 409 while it is held. */
    private List<DeadLetter<? extends EventMessage<?>>> idleLetters(String processingGroup, String sequenceIdentifier) {
        List<DeadLetter<? extends EventMessage<?>>> letters = letters(processingGroup, sequenceIdentifier);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        transaction.executeWithoutResult(status -> busySince(queue, sequenceIdentifier).ifPresent(since -> {
            throw DomainException.conflict("Sequence " + sequenceIdentifier + " of processing group " + processingGroup
                    + " is held by its processor since " + since + ": it has not moved past the parked events yet, "
                    + "or a retry runs. Try again in a few seconds (GET /admin/dead-letters shows it busy until then)");
        }));
        return letters;
    }

    private static Optional<Instant> busySince(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequenceIdentifier) {
        return queue instanceof IsolatingDeadLetterQueue isolating ? isolating.busySince(sequenceIdentifier) : Optional.empty();
    }

    private List<DeadLetter<? extends EventMessage<?>>> letters(String processingGroup, String sequenceIdentifier) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        List<DeadLetter<? extends EventMessage<?>>> letters =
                transaction.execute(status -> lettersOrEmpty(queue, sequenceIdentifier));
        if (letters == null || letters.isEmpty()) {
            throw DomainException.notFound("No parked sequence " + sequenceIdentifier + " in processing group "
                    + processingGroup);
        }
        return letters;
    }

    private static List<DeadLetter<? extends EventMessage<?>>> lettersOrEmpty(
            SequencedDeadLetterQueue<EventMessage<?>> queue, String sequenceIdentifier) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceIdentifier).forEach(letters::add);
        return letters;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        if (!groups.names().contains(processingGroup)) {
            throw DomainException.notFound("Processing group " + processingGroup + " keeps no dead letters in this service");
        }
        return processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> DomainException.notFound("Processing group " + processingGroup
                        + " keeps no dead letters in this service"));
    }

    private static DeadLetterSequence.Letter view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateId = null;
        Long aggregateSequence = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateId = domainEvent.getAggregateIdentifier();
            aggregateSequence = domainEvent.getSequenceNumber();
        }
        DeadLetterSequence.Cause cause = letter.cause()
                .map(c -> new DeadLetterSequence.Cause(c.type(), c.message()))
                .orElse(null);
        long index = letter instanceof JpaDeadLetter<?> jpa ? jpa.getIndex() : 0;
        return new DeadLetterSequence.Letter(idOf(letter), index, event.getPayloadType().getSimpleName(),
                event.getPayloadType().getName(), event.getIdentifier(), aggregateId, aggregateSequence,
                event.getTimestamp(), cause, letter.enqueuedAt(), letter.lastTouched(), retriesOf(letter));
    }

    private static long retriesOf(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(RETRIES);
        return retries instanceof Number number ? number.longValue() : 0;
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JpaDeadLetter<?> jpa ? jpa.getSequenceIdentifier() : null;
    }

    private static String idOf(DeadLetter<?> letter) {
        return letter instanceof JpaDeadLetter<?> jpa ? jpa.getId() : null;
    }

}
