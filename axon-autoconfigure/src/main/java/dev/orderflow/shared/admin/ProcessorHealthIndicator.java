package dev.orderflow.shared.admin;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eventProcessors} in {@code /actuator/health}: DOWN while a processor of this service has a segment no
 * instance holds (past the grace) or a segment that keeps failing, since its events then wait; the details
 * (for an admin) name the processor and why. Parked dead letters do not count here: the rest flows.
 */
final class ProcessorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorAdmin admin;

    ProcessorHealthIndicator(ProcessorAdmin admin) {
        super("Cannot read the status of the event processors");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProcessorStatus> processors = admin.processors();
        boolean healthy = processors.stream().allMatch(ProcessorStatus::healthy);
        builder.status(healthy ? "UP" : "DOWN");
        for (ProcessorStatus processor : processors) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("healthy", processor.healthy());
            if (processor.segmentCount() != null) {
                details.put("segments", processor.segmentCount());
                details.put("claimedHere", processor.claimedSegments());
            }
            if (processor.behind() != null) {
                details.put("behind", processor.behind());
            }
            if (!processor.problems().isEmpty()) {
                details.put("problems", processor.problems());
            }
            builder.withDetail(processor.name(), details);
        }
    }
}
