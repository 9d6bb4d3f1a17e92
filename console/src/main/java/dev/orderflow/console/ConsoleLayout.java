package dev.orderflow.console;

import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.admin.ProcessorStatus;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * What every console page shows around its content: the service's name, the link to the Axon Server dashboard
 * where there is one, and the processors that need an operator's eye (flagged at the top of each page).
 */
@ControllerAdvice(basePackageClasses = ConsoleLayout.class)
class ConsoleLayout {

    /** A processor this far behind the head of the event store is flagged even while it runs. */
    static final long BEHIND_FLAG = 1_000;

    private final ProcessorAdmin processors;
    private final ConsoleProperties properties;
    private final Environment environment;

    ConsoleLayout(ProcessorAdmin processors, ConsoleProperties properties, Environment environment) {
        this.processors = processors;
        this.properties = properties;
        this.environment = environment;
    }

    @ModelAttribute("serviceName")
    String serviceName() {
        return environment.getProperty("spring.application.name", "orderflow");
    }

    @ModelAttribute("axonServerDashboard")
    String axonServerDashboard() {
        String dashboard = properties.axonServerDashboard();
        return dashboard == null || dashboard.isBlank() ? null : dashboard;
    }

    @ModelAttribute("refreshInterval")
    int refreshInterval() {
        return properties.refreshInterval();
    }

    @ModelAttribute("flags")
    List<String> flags() {
        return flagsOf(processors.processors());
    }

    /** One sentence per processor that is stopped, unhealthy or far behind. */
    static List<String> flagsOf(List<ProcessorStatus> statuses) {
        return statuses.stream().map(status -> {
            if (!status.running()) {
                return status.name() + " is stopped";
            }
            if (!status.healthy()) {
                return status.name() + ": " + String.join("; ", status.problems());
            }
            if (status.behind() != null && status.behind() >= BEHIND_FLAG && !status.replaying()) {
                return status.name() + " is " + status.behind() + " events behind";
            }
            return null;
        }).filter(flag -> flag != null).toList();
    }
}
