package dev.orderflow.shared.saga;

import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sagas of the service as Axon's JPA saga store keeps them ({@code axon.saga_entry} and
 * {@code axon.association_value_entry}), each with its pending deadlines from db-scheduler's table
 * ({@code axon.scheduled_tasks}, where Axon's {@code DbSchedulerDeadlineManager} keeps them), and the ones that ended
 * within the retention, as {@link FinishedSagaRecordingStore} kept them.
 */
public class SagaBrowser {

    private static final Logger log = LoggerFactory.getLogger(SagaBrowser.class);
    /** The task name Axon's DbSchedulerDeadlineManager schedules every deadline under. */
    private static final String DEADLINE_TASK = "AxonDeadline";
    private static final ObjectInputFilter DEADLINE_DETAILS_ONLY = ObjectInputFilter.Config.createFilter(
            DbSchedulerBinaryDeadlineDetails.class.getName() + ";java.lang.String;[B;maxdepth=3;!*");
    private static final String RUNNING = "select saga_id, saga_type, serialized_saga, null as finished_at from axon.saga_entry";
    private static final String FINISHED = "select saga_id, saga_type, serialized_saga, finished_at from axon.finished_saga "
                                           + "where finished_at >= ?";

    private final Supplier<JdbcTemplate> database;
    private final Serializer serializer;
    private final Duration finishedRetention;
    private final Clock clock;
    private volatile JdbcTemplate jdbc;

    /**
     * @param database          the service's database, asked for on first use
     * @param finishedRetention how long ended sagas are listed ({@code orderflow.sagas.finished-retention})
     */
    public SagaBrowser(Supplier<JdbcTemplate> database, Serializer serializer, Duration finishedRetention, Clock clock) {
        this.database = database;
        this.serializer = serializer;
        this.finishedRetention = finishedRetention;
        this.clock = clock;
    }

    private JdbcTemplate jdbc() {
        if (jdbc == null) {
            jdbc = database.get();
        }
        return jdbc;
    }

    /**
     * @param state        the saga's fields as the saga store serialized them (JSON); of a finished saga, as stored
     *                     after its last-but-one event
     * @param associations its association values, e.g. {@code orderId} to an order's id
     * @param deadlines    its pending deadlines, the soonest first (none once it finished)
     * @param finishedAt   when it ended, or null while it runs
     */
    public record SagaInstance(String sagaId, String sagaType, String state, Map<String, List<String>> associations,
                               List<PendingDeadline> deadlines, Instant finishedAt) {

        public String simpleType() {
            // A nested class's binary name too: Outer$Saga reads as Saga.
            return sagaType == null ? "" : sagaType.substring(Math.max(sagaType.lastIndexOf('.'), sagaType.lastIndexOf('$')) + 1);
        }

        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** @param firesAt when db-scheduler will run it */
    public record PendingDeadline(String name, Instant firesAt, String deadlineId) {
    }

    /**
     * The running sagas and those that finished within the retention, read from one snapshot of the database, so
     * that a saga ending meanwhile is in one list or the other, never in both or neither.
     */
    public Sagas sagas(Optional<String> associationValue, int limit) {
        TransactionTemplate snapshot = new TransactionTemplate(new DataSourceTransactionManager(jdbc().getDataSource()));
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return snapshot.execute(status -> new Sagas(running(associationValue, limit), finished(associationValue, limit)));
    }

    /** @param finished the latest first */
    public record Sagas(List<SagaInstance> running, List<SagaInstance> finished) {
    }

    /** How long ended sagas are listed. */
    public Duration finishedRetention() {
        return finishedRetention;
    }

    /** The running sagas, by id; those associated with {@code associationValue} if it is given. */
    public List<SagaInstance> running(Optional<String> associationValue, int limit) {
        List<Map<String, Object>> rows = associationValue
                .map(value -> jdbc().queryForList(RUNNING + " where saga_id in (select a.saga_id from "
                        + "axon.association_value_entry a where a.association_value = ?) order by saga_id limit ?", value, limit))
                .orElseGet(() -> jdbc().queryForList(RUNNING + " order by saga_id limit ?", limit));
        return instances(rows, "axon.association_value_entry", pendingDeadlinesBySaga());
    }

    /** The sagas that ended within the retention, the latest first; those associated with the value if given. */
    public List<SagaInstance> finished(Optional<String> associationValue, int limit) {
        Timestamp since = Timestamp.from(clock.instant().minus(finishedRetention));
        List<Map<String, Object>> rows = associationValue
                .map(value -> jdbc().queryForList(FINISHED + " and saga_id in (select a.saga_id from "
                        + "axon.finished_saga_association a where a.association_value = ?) order by finished_at desc limit ?",
                        since, value, limit))
                .orElseGet(() -> jdbc().queryForList(FINISHED + " order by finished_at desc limit ?", since, limit));
        return instances(rows, "axon.finished_saga_association", Map.of());
    }

    /** A running saga, or one that finished within the retention. */
    public Optional<SagaInstance> saga(String sagaId) {
        List<SagaInstance> running = instances(jdbc().queryForList(RUNNING + " where saga_id = ?", sagaId),
                                               "axon.association_value_entry", pendingDeadlinesBySaga());
        if (!running.isEmpty()) {
            return Optional.of(running.get(0));
        }
        Timestamp since = Timestamp.from(clock.instant().minus(finishedRetention));
        return instances(jdbc().queryForList(FINISHED + " and saga_id = ?", since, sagaId),
                         "axon.finished_saga_association", Map.of()).stream().findFirst();
    }

    private List<SagaInstance> instances(List<Map<String, Object>> rows, String associationTable,
                                         Map<String, List<PendingDeadline>> deadlines) {
        List<SagaInstance> sagas = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String sagaId = (String) row.get("saga_id");
            byte[] state = (byte[]) row.get("serialized_saga");
            Timestamp finishedAt = (Timestamp) row.get("finished_at");
            sagas.add(new SagaInstance(sagaId, (String) row.get("saga_type"),
                    state == null ? "" : new String(state, StandardCharsets.UTF_8), associations(associationTable, sagaId),
                    deadlines.getOrDefault(sagaId, List.of()), finishedAt == null ? null : finishedAt.toInstant()));
        }
        return sagas;
    }

    private Map<String, List<String>> associations(String table, String sagaId) {
        Map<String, List<String>> associations = new LinkedHashMap<>();
        jdbc().query("select association_key, association_value from " + table + " where saga_id = ? "
                        + "order by association_key, association_value", row -> {
                    associations.computeIfAbsent(row.getString(1), key -> new ArrayList<>()).add(row.getString(2));
                }, sagaId);
        return associations;
    }

    private Map<String, List<PendingDeadline>> pendingDeadlinesBySaga() {
        Map<String, List<PendingDeadline>> bySaga = new LinkedHashMap<>();
        jdbc().query("select task_instance, task_data, execution_time from axon.scheduled_tasks where task_name = ? "
                + "order by execution_time", row -> {
            Instant firesAt = row.getTimestamp("execution_time").toInstant();
            String deadlineId = row.getString("task_instance");
            deadline(row.getBytes("task_data")).ifPresent(details -> {
                ScopeDescriptor scope = details.getDeserializedScopeDescriptor(serializer);
                if (scope instanceof SagaScopeDescriptor saga) {
                    bySaga.computeIfAbsent(saga.getIdentifier().toString(), id -> new ArrayList<>())
                          .add(new PendingDeadline(details.getD(), firesAt, deadlineId));
                }
            });
        }, DEADLINE_TASK);
        return bySaga;
    }

    /**
     * db-scheduler keeps a task's data with Java serialization, its default; only Axon's deadline details (strings
     * and byte arrays) are let in.
     */
    private static Optional<DbSchedulerBinaryDeadlineDetails> deadline(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(DEADLINE_DETAILS_ONLY);
            return in.readObject() instanceof DbSchedulerBinaryDeadlineDetails details ? Optional.of(details) : Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
            log.debug("A deadline task whose data is not Axon's binary deadline details", unreadable);
            return Optional.empty();
        }
    }
}
