package dev.orderflow.shared.eventstore;

import jakarta.persistence.EntityManager;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.hibernate.Session;

import java.sql.Statement;
import java.util.UUID;

/**
 * The Postgres notification that says "events were appended": sent with {@code NOTIFY} inside the transaction
 * that appended them, so Postgres delivers it when, and only if, that transaction commits and its events are
 * visible. It is a wake-up signal only: the listening instances read the events from the table through their
 * tokens as always, so a lost notification costs one fetch delay, never an event. Its payload names the
 * sending instance, so an instance ignores its own (a commit in the same JVM wakes its reader already).
 */
final class AppendNotifications {

    static final String CHANNEL = "orderflow_events_appended";

    private final String instanceId = UUID.randomUUID().toString();
    private final String notify = "NOTIFY " + CHANNEL + ", '" + instanceId + "'";
    private final EntityManagerProvider entityManagers;

    AppendNotifications(EntityManagerProvider entityManagers) {
        this.entityManagers = entityManagers;
    }

    /** In the transaction that appended the events; without one (nothing to commit with) it sends nothing. */
    void announceAppended() {
        EntityManager entityManager = entityManagers.getEntityManager();
        if (!entityManager.isJoinedToTransaction()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(notify);
            }
        });
    }

    boolean isOwn(String payload) {
        return instanceId.equals(payload);
    }
}
