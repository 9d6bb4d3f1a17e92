package dev.orderflow.shared.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What {@code /admin/processors} shows, as gauges tagged with the processor (and the segment):
 * {@code orderflow.processor.healthy}, {@code .segments.claimed}, {@code .segments.unclaimed},
 * {@code .segments.failing}, {@code .behind}, {@code .replaying} and, per segment, {@code .position}.
 * One scrape reads the status once: it is kept for a second, so a scrape costs one look at the token store
 * per processor, not one per gauge. Processors and segments are registered once the application has started
 * (the processors exist only then), and segments that appear later on the scrape that first sees them.
 */
final class EventProcessorMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(EventProcessorMetrics.class);
    static final String PREFIX = "orderflow.processor.";
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final ProcessorAdmin admin;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

    EventProcessorMetrics(ProcessorAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauges of every processor and segment not registered yet; those it cannot read now, later. */
    void registerProcessors() {
        try {
            refreshed(true);
        } catch (RuntimeException e) {
            log.warn("Cannot read the event processors' status yet; their gauges appear with the first scrape that can", e);
        }
    }

    private Map<String, ProcessorStatus> statuses() {
        return refreshed(false).statuses();
    }

    private synchronized Snapshot refreshed(boolean force) {
        Instant now = clock.instant();
        if (!force && snapshot.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return snapshot;
        }
        snapshot = new Snapshot(now, admin.processors().stream()
                .collect(Collectors.toMap(ProcessorStatus::name, status -> status)));
        snapshot.statuses().values().forEach(this::register);
        return snapshot;
    }

    private void register(ProcessorStatus status) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        String name = status.name();
        if (registered.add(name)) {
            gauge(meters, "healthy", name, "1 while every segment is held and none is failing, else 0",
                    processor -> processor.healthy() ? 1 : 0);
            gauge(meters, "segments.claimed", name, "Segments this instance holds", ProcessorStatus::claimedSegments);
            gauge(meters, "segments.unclaimed", name, "Segments no instance holds",
                    processor -> processor.segments().stream()
                            .filter(segment -> segment.claim() == ProcessorStatus.Claim.UNCLAIMED).count());
            gauge(meters, "segments.failing", name, "Segments whose latest batch failed",
                    processor -> processor.segments().stream().filter(segment -> segment.error() != null).count());
            gauge(meters, "behind", name, "Positions between the slowest segment and the head of the event store",
                    processor -> processor.behind() == null ? Double.NaN : processor.behind());
            gauge(meters, "replaying", name, "1 while a replay rebuilds what the processor builds, else 0",
                    processor -> processor.replaying() ? 1 : 0);
        }
        for (ProcessorStatus.SegmentStatus segment : status.segments()) {
            int segmentId = segment.segmentId();
            if (registered.add(name + "/" + segmentId)) {
                Gauge.builder(PREFIX + "position", this, metrics -> metrics.segmentPosition(name, segmentId))
                     .description("Global position of the last event the segment has seen")
                     .tag("processor", name)
                     .tag("segment", Integer.toString(segmentId))
                     .register(meters);
            }
        }
    }

    private void gauge(MeterRegistry meters, String metric, String processor, String description,
                       ToDoubleFunction<ProcessorStatus> value) {
        Gauge.builder(PREFIX + metric, this, metrics -> {
                    ProcessorStatus status = metrics.statuses().get(processor);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
             .description(description)
             .tag("processor", processor)
             .register(meters);
    }

    private double segmentPosition(String processor, int segmentId) {
        ProcessorStatus status = statuses().get(processor);
        if (status == null) {
            return Double.NaN;
        }
        return status.segments().stream()
                .filter(segment -> segment.segmentId() == segmentId && segment.position() != null)
                .mapToDouble(ProcessorStatus.SegmentStatus::position)
                .findFirst().orElse(Double.NaN);
    }

    private record Snapshot(Instant takenAt, Map<String, ProcessorStatus> statuses) {
    }
}
