package dev.orderflow.shared.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An event processor as the admin API shows it.
 *
 * @param mode            {@code POOLED_STREAMING}, {@code TRACKING} or {@code SUBSCRIBING} (a subscribing
 *                        processor handles events as they are published: it has no position and cannot replay)
 * @param error           whether a segment is failing (or Axon reports the processor in error)
 * @param healthy         whether every segment is held by an instance and none is failing; a segment may be
 *                        unclaimed for {@code orderflow.admin.unclaimed-segment-grace} while instances start
 *                        or hand it over. A subscribing processor is healthy while it runs
 * @param problems        what makes it unhealthy, one sentence each
 * @param segmentCount    the segments the processor's tokens are split into, across all instances
 * @param claimedSegments how many of them this instance holds
 * @param segments        every segment, whoever holds it, with its position and failures
 * @param position        the global position of the slowest segment: every event up to it is handled
 * @param head            the position of the newest event in the event store
 * @param behind          how many positions the processor is behind the head ({@code head - position})
 * @param replayable      whether its read model can be built again from the first event (a replay or a rebuild);
 *                        not for a subscribing processor, nor for one whose handlers disallow it (sagas)
 * @param replaying       whether a replay is rebuilding what this processor builds
 * @param replay          the last replay started through the admin API, with its progress; null if none
 * @param rebuild         the last rebuild beside the live read model started on this instance, with its progress;
 *                        null if none
 */
public record ProcessorStatus(String name, String mode, boolean running, boolean error, boolean healthy,
                              List<String> problems, Integer segmentCount, int claimedSegments,
                              List<SegmentStatus> segments, Long position, Long head, Long behind,
                              boolean replayable, boolean replaying, ReplayProgress replay,
                              RebuildStatus rebuild) {

    /** Who holds a segment's claim in the token store. */
    public enum Claim {
        /** This instance processes the segment. */
        THIS_INSTANCE,
        /** Another instance does (its claim is fresh). */
        OTHER_INSTANCE,
        /** Nobody does: no owner, or an owner whose claim ran out. Its events wait. */
        UNCLAIMED,
        /** The token store does not tell owners; this instance does not hold it. */
        UNKNOWN
    }

    /**
     * @param segmentId      the segment's id
     * @param mask           the segment's mask: it handles the events whose sequence hash masked with this is its id
     * @param claim          who holds it
     * @param owner          the token store's name of the instance holding it
     * @param position       the global position of the last event this segment has seen (as stored, for a segment
     *                       this instance does not hold); null before its first
     * @param caughtUp       Axon's view: the segment has reached the end of the stream once
     * @param replaying      Axon's view: the segment's token is a replay token, which stays so after the replay
     *                       caught up until a newer event arrives; {@link ProcessorStatus#replaying()} does not
     *                       rely on it
     * @param error          why the segment's latest batch failed, while it keeps failing
     * @param retries        how many of its batches failed in a row on this instance; 0 once one succeeds
     * @param failingSince   when the first of those failed
     * @param unclaimedSince when it was released, or its owner's claim ran out, while nobody holds it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SegmentStatus(int segmentId, int mask, Claim claim, String owner, Long position, boolean caughtUp,
                                boolean replaying, String error, long retries, Instant failingSince,
                                Instant unclaimedSince) {
    }

    /**
     * Progress of a replay, from token positions against the head of the event store captured when it started.
     *
     * @param fromPosition    where the replay started (the tail of the event store)
     * @param headAtStart     the head of the event store when the replay started: the replay is done when
     *                        every segment has reached it
     * @param position        how far the slowest segment has come
     * @param percentage      how much of {@code fromPosition..headAtStart} is done, 0 to 100
     * @param eventsPerSecond positions handled per second since the start (until the end, once done)
     * @param finishedAt      when every segment reached {@code headAtStart}; null while it runs
     */
    public record ReplayProgress(Instant startedAt, long fromPosition, long headAtStart, long position,
                                 double percentage, double eventsPerSecond, boolean done, Instant finishedAt) {
    }

    /**
     * A rebuild of the read model beside the live one (see {@code ReadModelRebuilds}): queries keep reading the
     * live model until the copy has caught up and takes over.
     *
     * @param state           where it stands
     * @param processor       the processor building the copy, with a token of its own
     * @param schema          the schema of the copy, which takes the live schema's name when it takes over
     * @param progress        how much of the event store, up to the head at its start, the copy has replayed
     * @param position        the copy's slowest segment, while it runs
     * @param behind          how far the copy is behind the head of the event store now, while it runs
     * @param segmentCount    the copy's segments (as many as the live processor's)
     * @param claimedSegments how many of them its processor holds
     * @param problems        what keeps it from going on or from taking over, one sentence each
     * @param endedAt         when it took over, or was cancelled
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RebuildStatus(State state, String processor, String schema, ReplayProgress progress, Long position,
                                Long behind, int segmentCount, int claimedSegments, List<String> problems,
                                Instant endedAt) {

        public enum State {
            /** The copy replays the event store and then follows it; queries read the live model. */
            BUILDING,
            /** Both processors stopped for the swap of schemas and tokens, a moment. */
            TAKING_OVER,
            /** The copy is the live read model now; the old one is dropped. */
            DONE,
            /** Stopped on request: the copy is dropped, the live model was never touched. */
            CANCELLED;

            public boolean isActive() {
                return this == BUILDING || this == TAKING_OVER;
            }
        }
    }
}
