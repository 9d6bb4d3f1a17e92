package dev.orderflow.shared.saga;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A saga store that keeps a record of every saga that ends, which Axon's store deletes: its last stored state and its
 * associations go to {@code axon.finished_saga}, in the transaction that ends it, so that the operations console can
 * show finished sagas for a while. The state is the one stored by the saga's previous unit of work (the store is not
 * handed the instance that ended); a saga that started and ended in one unit of work was never stored, and is kept
 * without a state.
 * <p>
 * Records older than the retention are pruned from the same path, at most every {@link #PRUNE_INTERVAL} per
 * instance and in bounded batches that skip rows another instance is pruning, so a saga's step never waits on one.
 * The tables are in schema {@code axon}, where every service's migrations put Axon's (a service that moves Axon's
 * tables elsewhere sets {@code orderflow.sagas.finished-retention=0}).
 */
public class FinishedSagaRecordingStore<T> implements SagaStore<T> {

    static final Duration PRUNE_INTERVAL = Duration.ofSeconds(10);
    static final int PRUNE_BATCH = 5_000;

    private final SagaStore<T> delegate;
    private final EntityManagerProvider entityManagers;
    private final Duration retention;
    private final Clock clock;
    private final AtomicReference<Instant> nextPrune = new AtomicReference<>(Instant.MIN);

    public FinishedSagaRecordingStore(SagaStore<T> delegate, EntityManagerProvider entityManagers, Duration retention,
                                      Clock clock) {
        this.delegate = delegate;
        this.entityManagers = entityManagers;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void deleteSaga(Class<? extends T> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        record(sagaType, sagaIdentifier, associationValues);
        delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    private void record(Class<? extends T> sagaType, String sagaId, Set<AssociationValue> associationValues) {
        Instant now = clock.instant();
        EntityManager entityManager = entityManagers.getEntityManager();
        int recorded = entityManager.createNativeQuery(
                        "insert into axon.finished_saga (saga_id, saga_type, serialized_saga, finished_at) "
                        + "select saga_id, saga_type, serialized_saga, ?1 from axon.saga_entry where saga_id = ?2 "
                        + "on conflict (saga_id) do nothing")
                .setParameter(1, now).setParameter(2, sagaId).executeUpdate();
        if (recorded == 0) {
            recorded = entityManager.createNativeQuery(
                            "insert into axon.finished_saga (saga_id, saga_type, finished_at) values (?1, ?2, ?3) "
                            + "on conflict (saga_id) do nothing")
                    .setParameter(1, sagaId).setParameter(2, sagaType.getName()).setParameter(3, now).executeUpdate();
        }
        if (recorded > 0 && !associationValues.isEmpty()) {
            // The saga's associations as it ended, which its last step may have changed since they were stored.
            StringBuilder insert = new StringBuilder(
                    "insert into axon.finished_saga_association (saga_id, association_key, association_value) values ");
            int parameter = 2;
            for (int i = 0; i < associationValues.size(); i++) {
                insert.append(i == 0 ? "" : ", ").append("(?1, ?").append(parameter++).append(", ?").append(parameter++).append(')');
            }
            Query query = entityManager.createNativeQuery(insert.toString()).setParameter(1, sagaId);
            parameter = 2;
            for (AssociationValue association : associationValues) {
                query.setParameter(parameter++, association.getKey()).setParameter(parameter++, association.getValue());
            }
            query.executeUpdate();
        }
        Instant due = nextPrune.get();
        if (!now.isBefore(due) && nextPrune.compareAndSet(due, now.plus(PRUNE_INTERVAL))) {
            entityManager.createNativeQuery(
                            "delete from axon.finished_saga where saga_id in (select saga_id from axon.finished_saga "
                            + "where finished_at < ?1 order by finished_at limit ?2 for update skip locked)")
                    .setParameter(1, now.minus(retention)).setParameter(2, PRUNE_BATCH).executeUpdate();
        }
    }

    @Override
    public Set<String> findSagas(Class<? extends T> sagaType, AssociationValue associationValue) {
        return delegate.findSagas(sagaType, associationValue);
    }

    @Override
    public <S extends T> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        return delegate.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void insertSaga(Class<? extends T> sagaType, String sagaIdentifier, T saga,
                           Set<AssociationValue> associationValues) {
        delegate.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<? extends T> sagaType, String sagaIdentifier, T saga,
                           AssociationValues associationValues) {
        delegate.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }
}
