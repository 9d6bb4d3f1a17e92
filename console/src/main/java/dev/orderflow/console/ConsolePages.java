package dev.orderflow.console;

import dev.orderflow.console.metrics.ConsoleMetrics;
import dev.orderflow.console.metrics.Sparkline;
import dev.orderflow.shared.audit.OperatorAudit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The console's login, its overview (charts of the service's traffic, the latest actions) and the audit. */
@Controller
class ConsolePages {

    private final OperatorAudit audit;
    private final ObjectProvider<ConsoleMetrics> metrics;

    ConsolePages(OperatorAudit audit, ObjectProvider<ConsoleMetrics> metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @GetMapping(ConsoleAutoConfiguration.LOGIN)
    String login() {
        return "console/login";
    }

    @GetMapping("/console")
    String overview(Model model) {
        model.addAttribute("recentActions", audit.recent(10));
        model.addAttribute("charts", charts());
        return "console/overview";
    }

    /** Only the charts: what the overview polls. */
    @GetMapping("/console/metrics")
    String metrics(Model model) {
        model.addAttribute("charts", charts());
        return "console/overview :: charts";
    }

    private List<Sparkline> charts() {
        ConsoleMetrics sampled = metrics.getIfAvailable();
        return sampled == null ? List.of() : sampled.charts();
    }

    @GetMapping("/console/audit")
    String audit(Model model) {
        model.addAttribute("actions", audit.recent(500));
        return "console/audit";
    }
}
