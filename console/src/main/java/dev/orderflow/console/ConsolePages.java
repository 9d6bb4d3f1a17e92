package dev.orderflow.console;

import dev.orderflow.console.metrics.ConsoleMetrics;
import dev.orderflow.console.metrics.Sparkline;
import dev.orderflow.shared.audit.OperatorAudit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.security.Principal;
import java.util.List;

/** The console's login and refusal pages, its overview (charts of the service's traffic, the latest actions) and the audit. */
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

    /** Where a refused request is forwarded (any method), with a 403 already set. */
    @RequestMapping(ConsoleAutoConfiguration.REFUSED)
    String refused(HttpServletRequest request, Principal user, Model model) {
        model.addAttribute("staleForm", Boolean.TRUE.equals(request.getAttribute(ConsoleAutoConfiguration.REFUSED_STALE_FORM)));
        model.addAttribute("user", user == null ? null : user.getName());
        return "console/refused";
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
