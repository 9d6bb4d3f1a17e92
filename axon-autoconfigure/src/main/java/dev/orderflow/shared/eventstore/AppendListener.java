package dev.orderflow.shared.eventstore;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Listens on one connection of the pool for the {@link AppendNotifications} of the other instances on the same
 * database, and wakes this instance's event store reader when one arrives. If the connection fails it opens
 * another after a pause, and wakes the reader once it listens again, for what was announced in between.
 * Idle, its thread waits in the driver and wakes once a {@link #WAIT} to notice a stop.
 */
final class AppendListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final AppendNotifications notifications;
    private final WakingEmbeddedEventStore eventStore;
    private volatile boolean running;
    private Thread thread;

    AppendListener(DataSource dataSource, AppendNotifications notifications, WakingEmbeddedEventStore eventStore) {
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.eventStore = eventStore;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listenUntilStopped, "orderflow-append-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread listening;
        synchronized (this) {
            running = false;
            listening = thread;
        }
        if (listening != null) {
            listening.interrupt(); // ends a reconnect pause; a wait in the driver ends within WAIT
            try {
                listening.join(WAIT.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        while (running) {
            try {
                listen();
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening for other instances' events failed; retrying in {} (until then they are seen "
                        + "within orderflow.event-store.fetch-delay)", RECONNECT_PAUSE, e);
                pause();
            }
        }
    }

    private void listen() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + AppendNotifications.CHANNEL);
            }
            PGConnection postgres = connection.unwrap(PGConnection.class);
            eventStore.wakeUp();
            while (running) {
                PGNotification[] received = postgres.getNotifications((int) WAIT.toMillis());
                if (received != null && fromAnotherInstance(received)) {
                    eventStore.wakeUp();
                }
            }
        }
    }

    private boolean fromAnotherInstance(PGNotification[] received) {
        for (PGNotification notification : received) {
            if (!notifications.isOwn(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
