package dev.orderflow.shared.admin;

import java.time.Instant;
import java.util.List;

/**
 * An event processor as the admin API shows it.
 *
 * @param mode            {@code POOLED_STREAMING}, {@code TRACKING} or {@code SUBSCRIBING} (a subscribing
 *                        processor handles events as they are published: it has no position and cannot replay)
 * @param segmentCount    the segments the processor's tokens are split into, across all instances
 * @param segments        the segments this instance has claimed, with their positions
 * @param position        the global position of the slowest claimed segment: every event up to it is handled
 * @param head            the position of the newest event in the event store
 * @param behind          how many positions the processor is behind the head ({@code head - position})
 * @param replaying       whether a replay is rebuilding what this processor builds
 * @param replay          the last replay started through the admin API, with its progress; null if none
 */
public record ProcessorStatus(String name, String mode, boolean running, boolean error, Integer segmentCount,
                              List<SegmentStatus> segments, Long position, Long head, Long behind,
                              boolean replaying, ReplayProgress replay) {

    /**
     * @param segmentId   the segment's id
     * @param mask        the segment's mask: it handles the events whose sequence hash masked with this is its id
     * @param position    the global position of the last event this segment has seen; null before its first
     * @param caughtUp    Axon's view: the segment has reached the end of the stream once
     * @param replaying   Axon's view: the segment's token is a replay token, which stays so after the replay
     *                    caught up until a newer event arrives; {@link ProcessorStatus#replaying()} does not
     *                    rely on it
     * @param error       why the segment stopped, while it is in error
     */
    public record SegmentStatus(int segmentId, int mask, Long position, boolean caughtUp, boolean replaying,
                                String error) {
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
}
