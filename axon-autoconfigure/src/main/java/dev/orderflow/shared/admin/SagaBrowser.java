package dev.orderflow.shared.admin;

import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The running sagas of the service as Axon's JPA saga store keeps them ({@code axon.saga_entry} and
 * {@code axon.association_value_entry}), each with its pending deadlines from db-scheduler's table
 * ({@code axon.scheduled_tasks}, where Axon's {@code DbSchedulerDeadlineManager} keeps them). Axon deletes a saga's
 * entry when it ends, so only running sagas are shown.
 */
public class SagaBrowser {

    private static final Logger log = LoggerFactory.getLogger(SagaBrowser.class);
    /** The task name Axon's DbSchedulerDeadlineManager schedules every deadline under. */
    private static final String DEADLINE_TASK = "AxonDeadline";
    private static final ObjectInputFilter DEADLINE_DETAILS_ONLY = ObjectInputFilter.Config.createFilter(
            DbSchedulerBinaryDeadlineDetails.class.getName() + ";java.lang.String;[B;maxdepth=3;!*");

    private final Supplier<JdbcTemplate> database;
    private final Serializer serializer;
    private volatile JdbcTemplate jdbc;

    /** @param database the service's database, asked for on first use */
    public SagaBrowser(Supplier<JdbcTemplate> database, Serializer serializer) {
        this.database = database;
        this.serializer = serializer;
    }

    private JdbcTemplate jdbc() {
        if (jdbc == null) {
            jdbc = database.get();
        }
        return jdbc;
    }

    /**
     * @param state       the saga's fields as the saga store serialized them (JSON)
     * @param associations its association values, e.g. {@code orderId} to an order's id
     * @param deadlines   its pending deadlines, the soonest first
     */
    public record SagaInstance(String sagaId, String sagaType, String state, Map<String, List<String>> associations,
                               List<PendingDeadline> deadlines) {

        public String simpleType() {
            return sagaType == null ? "" : sagaType.substring(sagaType.lastIndexOf('.') + 1);
        }
    }

    /** @param firesAt when db-scheduler will run it */
    public record PendingDeadline(String name, Instant firesAt, String deadlineId) {
    }

    /** The running sagas, newest associations last; those associated with {@code associationValue} if it is given. */
    public List<SagaInstance> running(Optional<String> associationValue, int limit) {
        List<Map<String, Object>> rows = associationValue
                .map(value -> jdbc().queryForList("select s.saga_id, s.saga_type, s.serialized_saga from axon.saga_entry s "
                        + "where s.saga_id in (select a.saga_id from axon.association_value_entry a "
                        + "where a.association_value = ?) order by s.saga_id limit ?", value, limit))
                .orElseGet(() -> jdbc().queryForList("select saga_id, saga_type, serialized_saga from axon.saga_entry "
                        + "order by saga_id limit ?", limit));
        Map<String, List<PendingDeadline>> deadlines = pendingDeadlinesBySaga();
        List<SagaInstance> sagas = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String sagaId = (String) row.get("saga_id");
            byte[] state = (byte[]) row.get("serialized_saga");
            sagas.add(new SagaInstance(sagaId, (String) row.get("saga_type"),
                    state == null ? "" : new String(state, StandardCharsets.UTF_8), associations(sagaId),
                    deadlines.getOrDefault(sagaId, List.of())));
        }
        return sagas;
    }

    public Optional<SagaInstance> saga(String sagaId) {
        return running(Optional.empty(), Integer.MAX_VALUE).stream().filter(saga -> saga.sagaId().equals(sagaId)).findFirst();
    }

    private Map<String, List<String>> associations(String sagaId) {
        Map<String, List<String>> associations = new LinkedHashMap<>();
        jdbc().query("select association_key, association_value from axon.association_value_entry where saga_id = ? "
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
