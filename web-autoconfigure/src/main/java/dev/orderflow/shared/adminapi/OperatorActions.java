package dev.orderflow.shared.adminapi;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.admin.ProcessorStatus;
import dev.orderflow.shared.audit.OperatorAudit;
import dev.orderflow.shared.deadletter.DeadLetterAdmin;
import dev.orderflow.shared.deadletter.RetryOutcome;
import org.springframework.beans.factory.ObjectProvider;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an operator may do to the service, whichever face they use: the admin REST API and the console both call
 * this, so each action runs the same code and is audited the same way ({@link OperatorAudit}: who, what, on what,
 * how it ended, also when it was refused).
 */
public class OperatorActions {

    /** Which face an action came through, as the audit names it. */
    public enum Channel {
        API, CONSOLE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ProcessorAdmin processors;
    private final ObjectProvider<DeadLetterAdmin> deadLetters;
    private final OperatorAudit audit;

    public OperatorActions(ProcessorAdmin processors, ObjectProvider<DeadLetterAdmin> deadLetters, OperatorAudit audit) {
        this.processors = processors;
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    public ProcessorStatus stop(Channel channel, String processor) {
        return audited(channel, "stop", processor, () -> processors.stop(processor), status -> "stopped");
    }

    public ProcessorStatus start(Channel channel, String processor) {
        return audited(channel, "start", processor, () -> processors.start(processor), status -> "started");
    }

    public ProcessorStatus replay(Channel channel, String processor) {
        return audited(channel, "replay", processor, () -> processors.replay(processor),
                status -> "replaying up to position " + (status.replay() == null ? "?" : status.replay().headAtStart()));
    }

    public ProcessorStatus rebuild(Channel channel, String processor) {
        return audited(channel, "rebuild", processor, () -> processors.rebuild(processor),
                status -> "rebuilding beside the live read model");
    }

    public ProcessorStatus cancelRebuild(Channel channel, String processor) {
        return audited(channel, "cancel-rebuild", processor, () -> processors.cancelRebuild(processor),
                status -> "rebuild cancelled");
    }

    public ProcessorStatus split(Channel channel, String processor, int segmentId) {
        return audited(channel, "split", processor + " segment " + segmentId,
                () -> processors.split(processor, segmentId), status -> status.segmentCount() + " segments now");
    }

    public ProcessorStatus merge(Channel channel, String processor, int segmentId) {
        return audited(channel, "merge", processor + " segment " + segmentId,
                () -> processors.merge(processor, segmentId), status -> status.segmentCount() + " segments now");
    }

    /** Retries one parked sequence; the outcome says whether it left the queue (a failure again is kept as failed). */
    public RetryOutcome retry(Channel channel, String processingGroup, String sequenceIdentifier) {
        String target = processingGroup + " sequence " + sequenceIdentifier;
        return audited(channel, "retry", target,
                () -> deadLetterAdmin().retry(processingGroup, sequenceIdentifier), OperatorActions::describe);
    }

    public List<RetryOutcome> retryAll(Channel channel, String processingGroup) {
        return audited(channel, "retry-all", processingGroup, () -> deadLetterAdmin().retryAll(processingGroup),
                outcomes -> outcomes.stream().filter(RetryOutcome::handled).count() + " of " + outcomes.size()
                        + " sequences handled");
    }

    public void evict(Channel channel, String processingGroup, String sequenceIdentifier) {
        audited(channel, "evict", processingGroup + " sequence " + sequenceIdentifier, () -> {
            deadLetterAdmin().evict(processingGroup, sequenceIdentifier);
            return null;
        }, nothing -> "evicted: its events will not be handled");
    }

    public void evictLetter(Channel channel, String processingGroup, String sequenceIdentifier, String letterId) {
        audited(channel, "evict", processingGroup + " sequence " + sequenceIdentifier + " letter " + letterId, () -> {
            deadLetterAdmin().evict(processingGroup, sequenceIdentifier, letterId);
            return null;
        }, nothing -> "evicted: this event will not be handled");
    }

    private DeadLetterAdmin deadLetterAdmin() {
        DeadLetterAdmin admin = deadLetters.getIfAvailable();
        if (admin == null) {
            throw DomainException.notFound("This service keeps no dead letters");
        }
        return admin;
    }

    private <T> T audited(Channel channel, String action, String target, Supplier<T> run,
                          Function<T, String> describe) {
        T result;
        try {
            result = run.get();
        } catch (RuntimeException refused) {
            audit.record(channel.label(), action, target, false, refused.getMessage());
            throw refused;
        }
        boolean succeeded = !(result instanceof RetryOutcome outcome) || outcome.handled();
        audit.record(channel.label(), action, target, succeeded, describe.apply(result));
        return result;
    }

    /** How a retry ended, in one sentence for the audit. */
    private static String describe(RetryOutcome outcome) {
        if (outcome.handled()) {
            return "handled: the sequence left the queue";
        }
        return "failed again, stays parked" + (outcome.cause() == null ? ""
                : ": " + outcome.cause().type() + ": " + outcome.cause().message());
    }
}
