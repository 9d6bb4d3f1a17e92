package dev.orderflow.shared.admin;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.admin.ProcessorStatus.RebuildStatus.State;
import dev.orderflow.shared.admin.ProcessorStatus.RebuildStatus;
import dev.orderflow.shared.database.CatchUpStatistics;
import dev.orderflow.shared.database.ReadModelSchemas;
import dev.orderflow.shared.database.ServiceSchema;
import dev.orderflow.shared.database.ServiceSchemaMigrations;
import dev.orderflow.shared.eventhandling.PromptCoordinatorExecutor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Rebuilds a read model without anyone seeing it rebuilt: a second processor with the read model's own handlers
 * replays every event into a second copy of its schema, while the live processor keeps the live schema current
 * and every query answers from it. Once the copy has caught up with the head of the event store, it takes over in
 * one database transaction: the copy's schema takes the live schema's name, the live processor's tokens become
 * the copy's, the old schema is dropped; the live processor, stopped for that moment, carries on from there.
 * <p>
 * A read model qualifies when its processor is streaming, allows replays, keeps its tokens in the JPA token store
 * and builds everything in one schema of its own ({@link ReadModelSchemas}). The copy is
 * {@code <schema>_rebuild}, migrated by the read model's own migrations; its processor is
 * {@code <processor>.rebuild}, with as many segments as the live one, on threads whose SQL
 * {@link RebuildSchemaRedirect} sends to the copy. A failing event does not park: the rebuild retries it (and shows
 * why it fails) until it succeeds or the rebuild is cancelled. Cancelling drops the copy and its tokens and leaves
 * the live model as it was. A rebuild runs on the instance it was started on and is not resumed after a restart:
 * the next one starts from scratch.
 * <p>
 * The swap waits while another instance holds a segment of the live processor: that instance would go on writing
 * from its own position. Stop the processor there (or the instance) and the swap goes ahead.
 */
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    static final String REBUILD_SUFFIX = ".rebuild";
    private static final String TOKENS = "axon.token_entry";
    private static final String DEAD_LETTERS = "axon.dead_letter_entry";
    private static final Duration TAKEOVER_RETRY = Duration.ofSeconds(1);
    private static final Duration TAKEOVER_LOCK_TIMEOUT = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final ReadModelSchemas schemas;
    private final DataSource dataSource;
    private final TransactionManager transactions;
    private final Clock clock;
    private final String nodeId;
    private final Duration claimTimeout;
    private final int batchSize;
    private final ScheduledExecutorService watcher;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    ReadModelRebuilds(EventProcessingConfiguration processing, ReadModelSchemas schemas, DataSource dataSource,
                      TransactionManager transactions, Clock clock, String nodeId, Duration claimTimeout,
                      int batchSize) {
        this.processing = processing;
        this.schemas = schemas;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
        this.nodeId = nodeId;
        this.claimTimeout = claimTimeout;
        this.batchSize = batchSize;
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether a rebuild of this processor is under way (building, or taking over). */
    boolean isRebuilding(String processor) {
        Rebuild rebuild = rebuilds.get(processor);
        return rebuild != null && rebuild.state.isActive();
    }

    /** The latest rebuild of this processor started on this instance, with its progress; empty if none. */
    Optional<RebuildStatus> status(String processor, Long head) {
        return Optional.ofNullable(rebuilds.get(processor)).map(rebuild -> rebuild.status(head));
    }

    /**
     * Starts building a copy of the read model of {@code live} and answers at once; the copy takes over by itself
     * once it has caught up.
     *
     * @param source the event store, the rebuild's source
     * @param head   the head of the event store now: the copy has replayed every event when it reaches it
     */
    synchronized RebuildStatus start(StreamingEventProcessor live, StreamableMessageSource<TrackedEventMessage<?>> source,
                                     long from, long head) {
        String name = live.getName();
        if (isRebuilding(name)) {
            throw DomainException.conflict("Processor " + name + " is being rebuilt already; follow it at GET /admin/processors/" + name);
        }
        ServiceSchema schema = schemas.of(name).orElseThrow(() -> DomainException.conflict("Processor " + name
                + " has no read model schema of its own to build a copy of; replay it instead (POST /admin/processors/"
                + name + "/replay), which clears and refills the live read model"));
        if (dataSource == null || transactions == null) {
            throw DomainException.conflict("This service has no database to build a copy of processor " + name
                    + "'s read model in; replay it instead");
        }
        if (!(processing.tokenStore(name) instanceof JpaTokenStore)) {
            throw DomainException.conflict("Processor " + name + " keeps its tokens outside the JPA token store, "
                    + "which a rebuild's takeover needs to swap them with the read model; replay it instead");
        }
        List<EventMessageHandler> handlers = new ArrayList<>();
        if (live instanceof AbstractEventProcessor processor) {
            collectHandlers(processor.eventHandlerInvoker(), handlers);
        }
        if (handlers.isEmpty()) {
            throw DomainException.conflict("Processor " + name + " has no event handlers to rebuild with");
        }
        String copy = schema.name() + "_rebuild";
        String rebuildName = name + REBUILD_SUFFIX;
        List<String> tables = prepareCopy(schema, copy, rebuildName);
        int segments = Math.max(1, processing.tokenStore(name).fetchSegments(name).length);

        ScheduledExecutorService coordinator = new PromptCoordinatorExecutor(rebuildName);
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments,
                RebuildSchemaRedirect.threadsWriting(schema.name(), tables, copy, "WorkPackage[" + rebuildName + "]"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(rebuildName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handlers)
                        .sequencingPolicy(processing.sequencingPolicy(name))
                        // Every event must make it into the copy: a failure fails the batch, which is retried.
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(source)
                .tokenStore(processing.tokenStore(name))
                .transactionManager(transactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                // A replay token up to the head: handlers see a replay and keep their side effects to themselves.
                .initialToken(store -> ReplayToken.createReplayToken(store.createHeadToken(), store.createTailToken()))
                .batchSize(batchSize)
                .build();
        Rebuild rebuild = new Rebuild(live, processor, schema, copy, coordinator, workers,
                new Replay(clock.instant(), from, head, CatchUpStatistics.of(dataSource, copy)), segments);
        rebuilds.put(name, rebuild);
        processor.start();
        rebuild.tick = watcher.scheduleWithFixedDelay(() -> check(rebuild), ProcessorAdmin.WATCH_INTERVAL_MS,
                ProcessorAdmin.WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        log.info("Rebuilding processor {} into schema {} (processor {}), up to the head at {} first",
                name, copy, rebuildName, head);
        return rebuild.status(head);
    }

    /** Stops the rebuild of this processor and drops what it built; the live read model stays as it is. */
    synchronized RebuildStatus cancel(String name, Long head) {
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null || !rebuild.state.isActive()) {
            throw DomainException.notFound("Processor " + name + " is not being rebuilt on this instance");
        }
        synchronized (rebuild) {
            if (rebuild.state != State.BUILDING) {
                throw DomainException.conflict("Processor " + name + " is taking over from its rebuild right now");
            }
            rebuild.stop();
            dropCopy(rebuild.copy, rebuild.processor.getName());
            rebuild.end(State.CANCELLED, clock.instant());
        }
        log.info("Cancelled the rebuild of processor {}; schema {} dropped", name, rebuild.copy);
        return rebuild.status(head);
    }

    /** Stops every rebuild's threads on shutdown; their copies stay until the next rebuild of the same processor. */
    void shutDown() {
        watcher.shutdownNow();
        rebuilds.values().forEach(rebuild -> {
            if (rebuild.state.isActive()) {
                rebuild.stop();
            }
        });
    }

    private static void collectHandlers(EventHandlerInvoker invoker, List<EventMessageHandler> handlers) {
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        } else if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collectHandlers(delegate, handlers));
        }
    }

    /** A fresh copy of the schema, from the read model's migrations; what an earlier rebuild left is dropped first. */
    private List<String> prepareCopy(ServiceSchema schema, String copy, String rebuildName) {
        Optional<String> rebuiltElsewhere;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                rebuiltElsewhere = heldElsewhere(connection, rebuildName);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tokens of " + rebuildName + ": " + e.getMessage(), e);
        }
        rebuiltElsewhere.ifPresent(held -> {
            throw DomainException.conflict("Another instance is rebuilding this read model: " + held
                    + "; follow it there, or cancel it there (DELETE /admin/processors/"
                    + rebuildName.substring(0, rebuildName.length() - REBUILD_SUFFIX.length()) + "/rebuild)");
        });
        dropCopy(copy, rebuildName);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Created here rather than by Flyway, which would record the copy's name in the history the live schema
            // inherits at the swap.
            statement.execute("create schema " + copy);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + copy + ": " + e.getMessage(), e);
        }
        ServiceSchemaMigrations.migrate(dataSource, schema, copy);
        return tablesOf(schema.name());
    }

    private void dropCopy(String copy, String rebuildName) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement tokens = connection.prepareStatement("delete from " + TOKENS + " where processor_name = ?")) {
                statement.execute("drop schema if exists " + copy + " cascade");
                tokens.setString(1, rebuildName);
                tokens.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop schema " + copy + ": " + e.getMessage(), e);
        }
    }

    private List<String> tablesOf(String schema) {
        try (Connection connection = dataSource.getConnection()) {
            return CatchUpStatistics.tablesOf(connection, schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables of schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /**
     * The statistics of the named processor's live read model, for a replay that empties and refills it; none when
     * its read model has no schema of its own.
     */
    CatchUpStatistics liveStatistics(String name) {
        return schemas.of(name).map(schema -> CatchUpStatistics.of(dataSource, schema.name()))
                      .orElseGet(CatchUpStatistics::none);
    }

    /** Every watch interval: once the copy has replayed up to the head at its start and caught up, it takes over. */
    private void check(Rebuild rebuild) {
        try {
            synchronized (rebuild) {
                if (rebuild.state != State.BUILDING) {
                    return;
                }
                rebuild.replay.advancedTo(rebuild.refreshPosition());
                if (!rebuild.caughtUp()) {
                    return;
                }
                Instant now = clock.instant();
                if (rebuild.lastAttempt != null && rebuild.lastAttempt.plus(TAKEOVER_RETRY).isAfter(now)) {
                    return;
                }
                rebuild.lastAttempt = now;
                takeOver(rebuild);
            }
        } catch (RuntimeException e) {
            log.warn("Checking the rebuild of processor {} failed", rebuild.live.getName(), e);
        }
    }

    private void takeOver(Rebuild rebuild) {
        String name = rebuild.live.getName();
        rebuild.state = State.TAKING_OVER;
        rebuild.processor.shutDown();
        boolean liveWasRunning = rebuild.live.isRunning();
        rebuild.live.shutDown();
        rebuild.replay.analyseFilledTables();
        try {
            swap(rebuild);
            rebuild.stop();
            rebuild.end(State.DONE, clock.instant());
            log.info("The rebuilt read model of processor {} took over: schema {} is now {}",
                    name, rebuild.copy, rebuild.schema.name());
        } catch (SQLException | RuntimeException e) {
            rebuild.problem = "the copy has caught up but cannot take over yet (retried every "
                    + TAKEOVER_RETRY.toSeconds() + " s): " + e.getMessage();
            rebuild.state = State.BUILDING;
            rebuild.processor.start();
            log.warn("The rebuild of processor {} cannot take over yet: {}", name, e.getMessage());
        } finally {
            if (liveWasRunning) {
                rebuild.live.start();
            }
        }
    }

    /**
     * One transaction: the live processor's tokens become the copy's, the copy's schema the live one, the old schema
     * goes, and so do the live processor's dead letters (the copy has handled each of those events). Readers wait
     * for it on the schema's tables and then read the copy. Dropping the old tables in the same transaction also
     * makes Postgres plan every prepared statement that read them anew, against the new ones.
     */
    private void swap(Rebuild rebuild) throws SQLException {
        String name = rebuild.live.getName();
        String live = rebuild.schema.name();
        String retired = live + "_retired";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '" + TAKEOVER_LOCK_TIMEOUT.toMillis() + "ms'");
                Optional<String> held = heldElsewhere(connection, name);
                if (held.isPresent()) {
                    throw new IllegalStateException(held.get() + ": stop the processor there "
                            + "(POST /admin/processors/" + name + "/stop on that instance)");
                }
                update(connection, "delete from " + TOKENS + " where processor_name = ?", name);
                update(connection, "update " + TOKENS + " set processor_name = ?, owner = null where processor_name = ?",
                        name, rebuild.processor.getName());
                statement.execute("drop schema if exists " + retired + " cascade");
                statement.execute("alter schema " + live + " rename to " + retired);
                statement.execute("alter schema " + rebuild.copy + " rename to " + live);
                statement.execute("drop schema " + retired + " cascade");
                update(connection, "delete from " + DEAD_LETTERS + " where processing_group = ?", name);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Locks the processor's tokens; names the first segment another instance's claim on it is fresh for, if any. */
    private Optional<String> heldElsewhere(Connection connection, String processor) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select segment, owner, timestamp from " + TOKENS
                + " where processor_name = ? for update")) {
            query.setString(1, processor);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String owner = rows.getString("owner");
                    if (owner != null && !owner.equals(nodeId) && isFresh(rows.getString("timestamp"))) {
                        return Optional.of("segment " + rows.getInt("segment") + " of processor " + processor
                                + " is held by " + owner);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean isFresh(String claimedAt) {
        try {
            return Instant.parse(claimedAt).plus(claimTimeout).isAfter(clock.instant());
        } catch (DateTimeParseException | NullPointerException e) {
            return true;
        }
    }

    private static void update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** One rebuild: its processor and threads, the copy it fills, how far it has come. */
    private static final class Rebuild {

        final StreamingEventProcessor live;
        final PooledStreamingEventProcessor processor;
        final ServiceSchema schema;
        final String copy;
        final ScheduledExecutorService coordinator;
        final ScheduledExecutorService workers;
        final Replay replay;
        final int segments;
        volatile State state = State.BUILDING;
        volatile String problem;
        volatile Instant endedAt;
        Instant lastAttempt;
        volatile ScheduledFuture<?> tick;
        /** The slowest segment's position when last seen with every segment claimed: kept once it has stopped. */
        volatile long lastPosition;

        Rebuild(StreamingEventProcessor live, PooledStreamingEventProcessor processor, ServiceSchema schema,
                String copy, ScheduledExecutorService coordinator, ScheduledExecutorService workers, Replay replay,
                int segments) {
            this.live = live;
            this.processor = processor;
            this.schema = schema;
            this.copy = copy;
            this.coordinator = coordinator;
            this.workers = workers;
            this.replay = replay;
            this.segments = segments;
            this.lastPosition = replay.from;
        }

        /** Every segment claimed and at the end of the stream, past the head captured at the start. */
        boolean caughtUp() {
            Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
            boolean caughtUp = claimed.size() >= segments && claimed.values().stream()
                    .allMatch(status -> !status.isErrorState() && status.isCaughtUp()
                            && status.getCurrentPosition().orElse(0) >= replay.head);
            if (caughtUp || replay.head <= replay.from) {
                replay.finish(Instant.now());
            }
            return caughtUp;
        }

        void stop() {
            ScheduledFuture<?> future = tick;
            if (future != null) {
                future.cancel(false);
            }
            processor.shutDown();
            coordinator.shutdown();
            workers.shutdown();
        }

        void end(State ended, Instant at) {
            state = ended;
            endedAt = at;
            problem = null;
        }

        /** The slowest segment's position, read again while the rebuild is active and every segment claimed. */
        long refreshPosition() {
            Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
            if (state.isActive() && claimed.size() >= segments) {
                lastPosition = claimed.values().stream().mapToLong(status -> status.getCurrentPosition().orElse(0))
                                      .min().orElse(replay.from);
            }
            return lastPosition;
        }

        RebuildStatus status(Long head) {
            Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
            long slowest = refreshPosition();
            if (slowest >= replay.head) {
                replay.finish(Instant.now());
            }
            ProcessorStatus.ReplayProgress progress = replay.progress(slowest, Instant.now());
            List<String> problems = new ArrayList<>();
            claimed.forEach((segment, status) -> {
                if (status.isErrorState() && status.getError() != null) {
                    problems.add("segment " + segment + " of the rebuild is failing, and retried: " + status.getError());
                }
            });
            if (problem != null) {
                problems.add(problem);
            }
            Long position = state.isActive() ? Long.valueOf(slowest) : null;
            Long behind = position == null || head == null ? null : Math.max(0, head - position);
            return new RebuildStatus(state, processor.getName(), copy, progress, position, behind, segments,
                    claimed.size(), List.copyOf(problems), endedAt);
        }
    }
}
