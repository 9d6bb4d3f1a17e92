package dev.orderflow.shared.admin;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.admin.ProcessorStatus.ReplayProgress;
import dev.orderflow.shared.admin.ProcessorStatus.SegmentStatus;
import dev.orderflow.shared.admin.TokenClaims.Claim;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Shows a service's event processors and replays one on request: shut it down, reset its tokens to the tail
 * of the event store (its {@code @ResetHandler}s clear what it built), start it again.
 * <p>
 * Progress is measured in global token positions: a replay captures the head of the event store when it
 * starts and is done when every segment's position has reached that head. Axon's own replay flag is not used
 * for this: a segment's replay token stays a replay token after catching up, until a newer event arrives.
 * A watcher checks running replays every {@value #WATCH_INTERVAL_MS} ms, so the finish time and rate are
 * exact whether or not anyone asks.
 * <p>
 * Every segment is shown, whoever holds it: those this instance holds from its processor's live status, the
 * others from the token store the instances share (their position as last stored, their owner). A segment that
 * no instance holds for longer than the grace, or whose batches keep failing ({@link SegmentFailures}), makes
 * the processor unhealthy; the health indicator and the gauges read the same status.
 */
public class ProcessorAdmin implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdmin.class);
    static final long WATCH_INTERVAL_MS = 200;
    /** A split or merge waits for the processor's next claim cycle, which runs at least every few seconds. */
    private static final Duration SEGMENT_CHANGE_TIMEOUT = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final ObjectProvider<EventStore> eventStore;
    private final Clock clock;
    private final SegmentFailures failures;
    private final TokenClaims claims;
    private final Duration claimTimeout;
    private final Duration unclaimedSegmentGrace;
    /** How the token store names this instance as the owner of a claim. */
    private final String nodeId;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final ReadModelRebuilds rebuilds;
    private final Map<String, Instant> startedOnRequest = new ConcurrentHashMap<>();
    private volatile Instant startedAt;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public ProcessorAdmin(EventProcessingConfiguration processing, ObjectProvider<EventStore> eventStore, Clock clock,
                          SegmentFailures failures, TokenClaims claims, String nodeId, Duration claimTimeout,
                          Duration unclaimedSegmentGrace, ReadModelRebuilds rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.eventStore = eventStore;
        this.clock = clock;
        this.failures = failures;
        this.claims = claims;
        this.nodeId = nodeId;
        this.claimTimeout = claimTimeout;
        this.unclaimedSegmentGrace = unclaimedSegmentGrace;
        this.startedAt = clock.instant();
    }

    /** The application has started its processors: segments unclaimed from now on are given the grace again. */
    void applicationStarted() {
        startedAt = clock.instant();
    }

    public List<ProcessorStatus> processors() {
        Long head = head();
        return processing.eventProcessors().values().stream()
                         .sorted(Comparator.comparing(EventProcessor::getName))
                         .map(processor -> status(processor, head))
                         .toList();
    }

    public ProcessorStatus processor(String name) {
        return status(find(name), head());
    }

    /** Stops the processor on this instance: its events wait in the event store, and its segments are released. */
    public ProcessorStatus stop(String name) {
        EventProcessor processor = find(name);
        processor.shutDown();
        log.info("Stopped processor {} on request", name);
        return status(processor, head());
    }

    /** Starts a stopped processor again; it carries on from its tokens. */
    public ProcessorStatus start(String name) {
        EventProcessor processor = find(name);
        processor.start();
        startedOnRequest.put(name, clock.instant());
        log.info("Started processor {} on request", name);
        return status(processor, head());
    }

    /** Starts a replay of the named processor and answers its status; the replay itself runs in the background. */
    public synchronized ProcessorStatus replay(String name) {
        StreamingEventProcessor streaming = replayable(name);
        Replay running = replays.get(name);
        if (running != null && !running.isDone()) {
            throw DomainException.conflict("Processor " + name + " is replaying already; follow it at GET /admin/processors/" + name);
        }
        if (rebuilds.isRebuilding(name)) {
            throw DomainException.conflict("Processor " + name + " is being rebuilt beside its read model; cancel "
                    + "that first (DELETE /admin/processors/" + name + "/rebuild) or let it take over");
        }
        long from = position(source().map(StreamableMessageSource::createTailToken));
        long head = position(source().map(StreamableMessageSource::createHeadToken));
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } catch (UnableToClaimTokenException e) {
            streaming.start();
            throw DomainException.conflict("Processor " + name + " cannot be reset while another instance holds one of "
                    + "its segments; replay it where all its segments are claimed, or stop the other instances: " + e.getMessage());
        } catch (RuntimeException e) {
            streaming.start();
            throw e;
        }
        Replay replay = new Replay(clock.instant(), from, head, rebuilds.liveStatistics(name));
        replays.put(name, replay);
        streaming.start();
        log.info("Replaying processor {} from position {} to the head at {}", name, from, head);
        replay.watch(watcher.scheduleWithFixedDelay(() -> checkDone(streaming, replay),
                0, WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS));
        return status(streaming, head);
    }

    /**
     * Starts building a copy of the named processor's read model beside the live one, which queries keep reading
     * until the copy has caught up and takes over (see {@link ReadModelRebuilds}); answers at once.
     */
    public synchronized ProcessorStatus rebuild(String name) {
        StreamingEventProcessor streaming = replayable(name);
        Replay running = replays.get(name);
        if (running != null && !running.isDone()) {
            throw DomainException.conflict("Processor " + name + " is replaying; a rebuild can start once it is done");
        }
        StreamableMessageSource<TrackedEventMessage<?>> source = source().orElseThrow(() ->
                DomainException.conflict("This service has no event store to rebuild processor " + name + " from"));
        long from = position(Optional.ofNullable(source.createTailToken()));
        long head = position(Optional.ofNullable(source.createHeadToken()));
        rebuilds.start(streaming, source, from, head);
        return status(streaming, head);
    }

    /** Stops the rebuild of the named processor and drops the copy; the live read model stays as it was. */
    public synchronized ProcessorStatus cancelRebuild(String name) {
        EventProcessor processor = find(name);
        Long head = head();
        rebuilds.cancel(name, head);
        return status(processor, head);
    }

    /**
     * Splits a segment this instance holds in two, so that two threads (or instances) can share its events.
     * Axon does it on the processor's own thread; this waits for its answer.
     */
    public ProcessorStatus split(String name, int segmentId) {
        return changeSegment(name, segmentId, "split", StreamingEventProcessor::splitSegment,
                "this instance must hold it (see its claim) and the processor must be running");
    }

    /**
     * Merges a segment with its sibling (the one it was split from or into) back into one; this instance must be
     * able to claim both.
     */
    public ProcessorStatus merge(String name, int segmentId) {
        return changeSegment(name, segmentId, "merge", StreamingEventProcessor::mergeSegment,
                "it must have a sibling, and this instance must be able to claim both");
    }

    private ProcessorStatus changeSegment(String name, int segmentId, String verb,
                                          BiFunction<StreamingEventProcessor, Integer, CompletableFuture<Boolean>> change,
                                          String condition) {
        StreamingEventProcessor streaming = streaming(name, verb);
        if (!await(change.apply(streaming, segmentId), name, verb + " segment " + segmentId)) {
            throw DomainException.conflict("Processor " + name + " could not " + verb + " segment " + segmentId
                    + ": " + condition);
        }
        log.info("On request: {} segment {} of processor {}", verb, segmentId, name);
        return status(streaming, head());
    }

    private StreamingEventProcessor streaming(String name, String action) {
        EventProcessor processor = find(name);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw DomainException.conflict("Processor " + name + " is " + mode(processor)
                    + ": it has no segments to " + action);
        }
        if (!processor.isRunning()) {
            throw DomainException.conflict("Processor " + name + " is not running: start it to " + action + " a segment");
        }
        return streaming;
    }

    private static boolean await(CompletableFuture<Boolean> answer, String name, String what) {
        try {
            return answer.get(SEGMENT_CHANGE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw DomainException.conflict("Processor " + name + " did not " + what + " within " + SEGMENT_CHANGE_TIMEOUT
                    + "; it may still do it: look again in a moment");
        } catch (ExecutionException e) {
            throw DomainException.conflict("Processor " + name + " could not " + what + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        }
    }

    /** The named processor, if it is one whose read model can be built again from the first event. */
    private StreamingEventProcessor replayable(String name) {
        EventProcessor processor = find(name);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw DomainException.conflict("Processor " + name + " is " + mode(processor)
                    + ": it keeps no token, so there is nothing to replay from");
        }
        if (!streaming.supportsReset()) {
            throw DomainException.conflict("Processor " + name + " does not allow a replay: its handlers have side "
                    + "effects (they are marked @DisallowReplay, or it runs sagas, which never replay)");
        }
        return streaming;
    }

    private EventProcessor find(String name) {
        return processing.eventProcessor(name)
                         .orElseThrow(() -> DomainException.notFound("No event processor named " + name + " in this service"));
    }

    private ProcessorStatus status(EventProcessor processor, Long head) {
        String name = processor.getName();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            List<String> problems = processor.isRunning() ? List.of() : List.of("it is not running");
            return new ProcessorStatus(name, mode(processor), processor.isRunning(), processor.isError(),
                    problems.isEmpty(), problems, null, 0, List.of(), null, head, null, false, false, null, null);
        }
        Map<Integer, EventTrackerStatus> claimed = streaming.processingStatus();
        Optional<TokenStore> store = tokenStore(name);
        Map<Integer, Claim> stored = store.flatMap(tokens -> claims.of(name, tokens)).orElse(List.of()).stream()
                .collect(Collectors.toMap(Claim::segment, claim -> claim));
        SortedSet<Integer> segmentIds = new TreeSet<>(claimed.keySet());
        segmentIds.addAll(stored.keySet());
        if (stored.isEmpty()) {
            store.map(tokens -> segmentIdsOf(name, tokens)).ifPresent(ids -> Arrays.stream(ids).forEach(segmentIds::add));
        }
        int[] allIds = segmentIds.stream().mapToInt(Integer::intValue).toArray();
        Instant now = clock.instant();
        List<SegmentStatus> segments = segmentIds.stream()
                .map(id -> segment(name, id, allIds, claimed.get(id), stored.get(id), now))
                .toList();
        List<String> problems = new ArrayList<>(problems(name, segments, now));
        if (stored.isEmpty() && !processor.isRunning()) {
            problems.add("it is not running on this instance, and its token store does not tell who else runs it");
        }
        int claimedHere = (int) segments.stream()
                .filter(segment -> segment.claim() == ProcessorStatus.Claim.THIS_INSTANCE).count();
        Integer segmentCount = segments.isEmpty() ? null : segments.size();
        Long position = lowest(segments);
        Long behind = head == null || position == null ? null : Math.max(0, head - position);
        Replay replay = replays.get(name);
        ReplayProgress progress = null;
        boolean replaying;
        if (replay != null) {
            checkDone(streaming, replay);
            progress = replay.progress(slowest(claimed, segmentCount, replay.from), now);
            replaying = !progress.done();
        } else {
            // Not started here (or before a restart): a segment still short of the position it was reset at.
            replaying = claimed.values().stream().anyMatch(status -> status.isReplaying()
                    && status.getResetPosition().isPresent()
                    && positionOf(status) < status.getResetPosition().getAsLong());
        }
        boolean failing = segments.stream().anyMatch(segment -> segment.error() != null);
        return new ProcessorStatus(name, mode(processor), processor.isRunning(), processor.isError() || failing,
                problems.isEmpty(), List.copyOf(problems), segmentCount, claimedHere, segments, position, head, behind,
                streaming.supportsReset(), replaying, progress, rebuilds.status(name, head).orElse(null));
    }

    /** One segment: from this instance's processor if it holds it, otherwise from the token store. */
    private SegmentStatus segment(String processor, int segmentId, int[] allIds, EventTrackerStatus here, Claim stored,
                                  Instant now) {
        int mask = Segment.computeSegment(segmentId, allIds).getMask();
        Optional<SegmentFailures.Failure> failure = failures.of(processor, segmentId);
        String owner = stored == null ? null : stored.owner();
        if (here != null) {
            OptionalLong position = here.getCurrentPosition();
            String error = here.isErrorState() && here.getError() != null ? here.getError().toString()
                    : failure.map(SegmentFailures.Failure::error).orElse(null);
            return new SegmentStatus(segmentId, mask, ProcessorStatus.Claim.THIS_INSTANCE, owner,
                    position.isPresent() ? position.getAsLong() : null, here.isCaughtUp(), here.isReplaying(), error,
                    failure.map(SegmentFailures.Failure::retries).orElse(0L),
                    failure.map(SegmentFailures.Failure::since).orElse(null), null);
        }
        String error = failure.map(SegmentFailures.Failure::error).orElse(null);
        long retries = failure.map(SegmentFailures.Failure::retries).orElse(0L);
        Instant failingSince = failure.map(SegmentFailures.Failure::since).orElse(null);
        if (stored == null) {
            return new SegmentStatus(segmentId, mask, ProcessorStatus.Claim.UNKNOWN, null, null, false, false, error,
                    retries, failingSince, null);
        }
        Instant claimExpiry = stored.touchedAt().plus(claimTimeout);
        if (owner != null && claimExpiry.isAfter(now) && owner.equals(nodeId)) {
            // Claimed here but not (or no longer) running: a work package starting, or aborted before its release.
            return new SegmentStatus(segmentId, mask, ProcessorStatus.Claim.THIS_INSTANCE, owner, stored.position(),
                    false, false, error, retries, failingSince, null);
        }
        if (owner != null && claimExpiry.isAfter(now)) {
            // How it fares there, that instance shows; what failed here before is over for this one.
            return new SegmentStatus(segmentId, mask, ProcessorStatus.Claim.OTHER_INSTANCE, owner, stored.position(),
                    false, false, null, 0, null, null);
        }
        Instant unclaimedSince = owner == null ? stored.touchedAt() : claimExpiry;
        return new SegmentStatus(segmentId, mask, ProcessorStatus.Claim.UNCLAIMED, owner, stored.position(), false,
                false, error, retries, failingSince, unclaimedSince);
    }

    /** Segments nobody has held for longer than the grace, and segments that keep failing. */
    private List<String> problems(String processor, List<SegmentStatus> segments, Instant now) {
        List<String> problems = new ArrayList<>();
        Instant started = latest(startedOnRequest.get(processor), startedAt);
        for (SegmentStatus segment : segments) {
            if (segment.claim() == ProcessorStatus.Claim.UNCLAIMED) {
                Instant countedFrom = latest(segment.unclaimedSince(), started);
                if (!countedFrom.plus(unclaimedSegmentGrace).isAfter(now)) {
                    problems.add("segment " + segment.segmentId() + " is held by no instance since "
                            + segment.unclaimedSince() + ": its events wait");
                }
            }
            if (segment.error() != null) {
                problems.add("segment " + segment.segmentId() + " is failing" + (segment.retries() > 0
                        ? " (" + segment.retries() + " batches in a row since " + segment.failingSince() + ")" : "")
                        + ": " + segment.error());
            }
        }
        return List.copyOf(problems);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || a.isBefore(b) ? b : a;
    }

    /** The slowest segment's position, a segment before its first event counting as 0; null if none is known. */
    private static Long lowest(List<SegmentStatus> segments) {
        OptionalLong lowest = segments.stream()
                .filter(segment -> segment.claim() != ProcessorStatus.Claim.UNKNOWN)
                .mapToLong(segment -> segment.position() == null ? 0 : segment.position())
                .min();
        return lowest.isPresent() ? lowest.getAsLong() : null;
    }

    /** Done when every segment, all of them claimed and none in error, has reached the head captured at the start. */
    private void checkDone(StreamingEventProcessor processor, Replay replay) {
        if (replay.isDone()) {
            return;
        }
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        Integer segmentCount = segmentCount(processor.getName());
        boolean allClaimed = segmentCount == null ? !claimed.isEmpty() : claimed.size() >= segmentCount;
        boolean reachedHead = replay.head <= replay.from
                || (allClaimed && !claimed.isEmpty() && claimed.values().stream()
                        .allMatch(status -> !status.isErrorState() && positionOf(status) >= replay.head));
        replay.advancedTo(slowest(claimed, segmentCount, replay.from));
        if (reachedHead) {
            replay.analyseFilledTables();
            replay.finish(clock.instant());
            log.info("Processor {} finished its replay up to position {}", processor.getName(), replay.head);
        }
    }

    /** The position of the slowest segment; a segment not claimed (yet) counts as not started. */
    private static long slowest(Map<Integer, EventTrackerStatus> claimed, Integer segmentCount, long from) {
        if (claimed.isEmpty() || (segmentCount != null && claimed.size() < segmentCount)) {
            return from;
        }
        return claimed.values().stream().mapToLong(ProcessorAdmin::positionOf).min().orElse(from);
    }

    private static long positionOf(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(0);
    }

    private Integer segmentCount(String processorName) {
        return tokenStore(processorName).map(store -> segmentIdsOf(processorName, store).length).orElse(null);
    }

    private Optional<TokenStore> tokenStore(String processorName) {
        try {
            return Optional.of(processing.tokenStore(processorName));
        } catch (RuntimeException e) {
            log.debug("Processor {} has no token store", processorName, e);
            return Optional.empty();
        }
    }

    private static int[] segmentIdsOf(String processorName, TokenStore store) {
        try {
            return store.fetchSegments(processorName);
        } catch (RuntimeException e) {
            log.debug("Cannot read the segments of processor {}", processorName, e);
            return new int[0];
        }
    }

    /** The head of the event store; null while it cannot be read (Axon Server away), which hides no segment. */
    private Long head() {
        try {
            return source().map(source -> position(Optional.ofNullable(source.createHeadToken()))).orElse(null);
        } catch (RuntimeException e) {
            log.debug("Cannot read the head of the event store", e);
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<StreamableMessageSource<TrackedEventMessage<?>>> source() {
        return Optional.ofNullable(eventStore.getIfAvailable())
                       .filter(StreamableMessageSource.class::isInstance)
                       .map(store -> (StreamableMessageSource<TrackedEventMessage<?>>) store);
    }

    private static long position(Optional<TrackingToken> token) {
        return token.flatMap(t -> {
            OptionalLong position = t.position();
            return position.isPresent() ? Optional.of(position.getAsLong()) : Optional.empty();
        }).orElse(0L);
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "POOLED_STREAMING";
        }
        if (processor instanceof TrackingEventProcessor) {
            return "TRACKING";
        }
        if (processor instanceof SubscribingEventProcessor) {
            return "SUBSCRIBING";
        }
        return processor.getClass().getSimpleName();
    }

    @Override
    public void destroy() {
        rebuilds.shutDown();
        watcher.shutdownNow();
    }
}
