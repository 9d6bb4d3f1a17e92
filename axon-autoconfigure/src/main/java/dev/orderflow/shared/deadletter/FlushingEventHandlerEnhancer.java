package dev.orderflow.shared.deadletter;

import jakarta.persistence.EntityManager;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.reflect.Member;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides when the event handlers of dead-lettering processing groups write their changes to the database, so
 * that a change the database refuses (a value too long for its column, a broken constraint) is blamed on the
 * event that made it, and only that event's sequence is parked.
 * <p>
 * A batch of a streaming processor writes once, before it commits: the inserts and updates of all its events go
 * to the database together, in JDBC batches. When the database refuses that write, no event can be blamed; the
 * batch fails with a {@link BatchRedoException}, rolls back, and the processor redoes it (from its token, as for a
 * parked event) writing after every event up to the furthest position the failed batch reached. Now the refused
 * change fails the handler of its own event, which is parked as before, and the redo carries on. A handler that
 * fails while earlier events' changes are still unwritten is treated the same way: Hibernate may have written
 * them on its behalf (before a query), so the failure may not be its own. A handler failing with nothing
 * unwritten before it is blamed at once.
 * <p>
 * Where the redo is recorded: per processor and segment, in memory. Lost (a restart, another instance claiming
 * the segment), the batch simply fails once more and is redone there. Outside a streaming processor's batch (a
 * retry of dead letters) and for events without a position, every event is written at once, as a retry needs.
 * See docs/reliability.md for what writing per event costs a replay.
 */
final class FlushingEventHandlerEnhancer implements HandlerEnhancerDefinition {

    /** The key under which Axon's streaming processors keep the segment of a batch in its unit of work. */
    private static final String SEGMENT_RESOURCE_PREFIX = "Processor[";
    private static final String SEGMENT_RESOURCE_SUFFIX = "]/SegmentId";
    private static final String BATCH_RESOURCE = FlushingEventHandlerEnhancer.class.getName() + ".batch";
    /** Stands for "no batch": a unit of work outside a streaming processor. */
    private static final Object NO_BATCH = new Object();

    private final DeadLetteringGroups groups;
    private final ObjectProvider<EntityManagerProvider> entityManagers;
    /** Per processor and segment, the position up to which the next batches write after every event. */
    private final Map<String, Long> redos = new ConcurrentHashMap<>();

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
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Batch batch = currentBatch();
                long position = positionOf(message);
                boolean writeNow = batch == null || position < 0 || batch.writesEachEventUpTo >= position;
                try {
                    Object result = super.handle(message, target);
                    if (writeNow) {
                        entityManager().flush();
                    }
                    if (batch != null) {
                        batch.handled(position, writeNow);
                    }
                    return result;
                } catch (Exception failure) {
                    throw batch == null ? failure : batch.failed(failure, position);
                }
            }
        };
    }

    /** The batch the event belongs to, null outside a streaming processor's batch. */
    private Batch currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Object batch = unitOfWork.resources().get(BATCH_RESOURCE);
        if (batch == null) {
            batch = startBatch(unitOfWork);
            unitOfWork.resources().put(BATCH_RESOURCE, batch);
        }
        return batch == NO_BATCH ? null : (Batch) batch;
    }

    private Object startBatch(UnitOfWork<?> unitOfWork) {
        String key = null;
        for (Map.Entry<String, Object> resource : unitOfWork.resources().entrySet()) {
            String name = resource.getKey();
            if (name.startsWith(SEGMENT_RESOURCE_PREFIX) && name.endsWith(SEGMENT_RESOURCE_SUFFIX)) {
                key = name.substring(SEGMENT_RESOURCE_PREFIX.length(), name.length() - SEGMENT_RESOURCE_SUFFIX.length())
                        + "/" + resource.getValue();
            }
        }
        if (key == null) {
            return NO_BATCH;
        }
        Batch batch = new Batch(key, redos.getOrDefault(key, -1L));
        unitOfWork.onPrepareCommit(committing -> batch.writeAll());
        unitOfWork.afterCommit(committed -> batch.committed());
        unitOfWork.onRollback(rolledBack -> batch.rolledBack());
        return batch;
    }

    private static long positionOf(Message<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1L);
        }
        return -1L;
    }

    private EntityManager entityManager() {
        return entityManagers.getObject().getEntityManager();
    }

    /** One batch of one segment: how far it got, and whether changes of its events wait to be written. */
    private final class Batch {

        private final String key;
        /** Events at or below this position are written one by one: a redo of a batch whose write was refused. */
        private final long writesEachEventUpTo;
        private long furthest = -1;
        private boolean unwrittenChanges;

        private Batch(String key, long writesEachEventUpTo) {
            this.key = key;
            this.writesEachEventUpTo = writesEachEventUpTo;
        }

        void handled(long position, boolean written) {
            furthest = Math.max(furthest, position);
            unwrittenChanges = !written;
        }

        /** What a handler's failure becomes: its own, unless earlier events' changes were waiting to be written. */
        Exception failed(Exception failure, long position) {
            if (!unwrittenChanges || DeadLetterPolicy.isTransient(failure)) {
                return failure;
            }
            furthest = Math.max(furthest, position);
            redoUpToFurthest();
            return new BatchRedoException(key, furthest, failure);
        }

        void writeAll() {
            if (!unwrittenChanges) {
                return;
            }
            try {
                entityManager().flush();
            } catch (RuntimeException refused) {
                if (DeadLetterPolicy.isTransient(refused)) {
                    throw refused; // the processor retries the batch with back-off, as for any passing failure
                }
                redoUpToFurthest();
                throw new BatchRedoException(key, furthest, refused);
            }
            unwrittenChanges = false;
        }

        void committed() {
            if (writesEachEventUpTo >= 0 && furthest >= writesEachEventUpTo) {
                redos.remove(key, writesEachEventUpTo);
            }
        }

        /**
         * Whatever failed, with changes unwritten the failure may have been theirs (the transaction's own commit
         * writes them too): the redo writes per event. It only costs time where the failure was something else.
         */
        void rolledBack() {
            if (unwrittenChanges) {
                redoUpToFurthest();
            }
        }

        private void redoUpToFurthest() {
            redos.merge(key, furthest, Math::max);
        }
    }
}
