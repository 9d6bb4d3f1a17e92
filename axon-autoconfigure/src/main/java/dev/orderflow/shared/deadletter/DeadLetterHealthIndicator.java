package dev.orderflow.shared.deadletter;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code deadLetters} in {@code /actuator/health}: {@value #DEGRADED} while a processing group has parked
 * events, UP when none has. Degraded, not DOWN: everything else flows and the service answers, but a read
 * model lacks what is parked until an operator retries or evicts it. Answers HTTP 200 like UP; the details
 * (for an admin) count the parked events per group.
 */
final class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final DeadLetterAdmin admin;

    DeadLetterHealthIndicator(DeadLetterAdmin admin) {
        super("Cannot count the dead letters");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> parked = new TreeMap<>();
        admin.processingGroups().forEach(group -> parked.put(group, admin.size(group)));
        boolean anyParked = parked.values().stream().anyMatch(count -> count > 0);
        builder.status(anyParked ? new Status(DEGRADED, "Events are parked: list them at GET /admin/dead-letters")
                : Status.UP).withDetail("parked", parked);
    }
}
