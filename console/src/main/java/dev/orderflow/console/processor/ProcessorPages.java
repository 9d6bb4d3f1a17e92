package dev.orderflow.console.processor;

import dev.orderflow.console.Flash;
import dev.orderflow.shared.admin.EventBrowser;
import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.admin.ProcessorStatus;
import dev.orderflow.shared.adminapi.OperatorActions;
import dev.orderflow.shared.adminapi.OperatorActions.Channel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every event processor of the service, live: each one's figures refresh themselves (htmx polling their fragment),
 * so a replay's progress bar moves without a reload. The buttons post forms, which work without JavaScript too.
 */
@Controller
public class ProcessorPages {

    private final ProcessorAdmin admin;
    private final OperatorActions actions;
    private final EventBrowser events;
    private final Clock clock = Clock.systemUTC();

    ProcessorPages(ProcessorAdmin admin, OperatorActions actions, EventBrowser events) {
        this.admin = admin;
        this.actions = actions;
        this.events = events;
    }

    @GetMapping("/console/processors")
    String processors(Model model) {
        model.addAttribute("processors", views());
        return "console/processors";
    }

    /** One processor's figures: what its section of the page polls. */
    @GetMapping("/console/processors/{name}/live")
    String live(@PathVariable String name, Model model) {
        model.addAttribute("view", view(admin.processor(name)));
        return "console/processors :: live";
    }

    @PostMapping("/console/processors/{name}/stop")
    String stop(@PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, () -> actions.stop(Channel.CONSOLE, name), "stopped");
    }

    @PostMapping("/console/processors/{name}/start")
    String start(@PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, () -> actions.start(Channel.CONSOLE, name), "started");
    }

    @PostMapping("/console/processors/{name}/replay")
    String replay(@PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, () -> actions.replay(Channel.CONSOLE, name), "replaying from the first event");
    }

    @PostMapping("/console/processors/{name}/rebuild")
    String rebuild(@PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, () -> actions.rebuild(Channel.CONSOLE, name),
                   "rebuilding beside the live read model, which queries keep reading until the copy takes over");
    }

    @PostMapping("/console/processors/{name}/cancel-rebuild")
    String cancelRebuild(@PathVariable String name, RedirectAttributes redirect) {
        return act(redirect, () -> actions.cancelRebuild(Channel.CONSOLE, name), "rebuild cancelled");
    }

    @PostMapping("/console/processors/{name}/segments/{segmentId}/split")
    String split(@PathVariable String name, @PathVariable int segmentId, RedirectAttributes redirect) {
        return act(redirect, () -> actions.split(Channel.CONSOLE, name, segmentId), "segment " + segmentId + " split");
    }

    @PostMapping("/console/processors/{name}/segments/{segmentId}/merge")
    String merge(@PathVariable String name, @PathVariable int segmentId, RedirectAttributes redirect) {
        return act(redirect, () -> actions.merge(Channel.CONSOLE, name, segmentId),
                   "segment " + segmentId + " merged with its sibling");
    }

    private List<ProcessorView> views() {
        return admin.processors().stream().map(this::view).toList();
    }

    private ProcessorView view(ProcessorStatus status) {
        Duration behindInTime = null;
        if (status.behind() != null && status.behind() > 0 && status.position() != null) {
            behindInTime = events.timestampAfter(status.position())
                    .map(stored -> Duration.between(stored, clock.instant()))
                    .filter(lag -> !lag.isNegative())
                    .orElse(null);
        }
        return new ProcessorView(status, behindInTime);
    }

    /** Runs an operator action (a refusal becomes the page's message) and goes back to the processors. */
    private static String act(RedirectAttributes redirect, Supplier<ProcessorStatus> action, String done) {
        Flash.run(redirect, () -> action.get().name() + ": " + done);
        return "redirect:/console/processors";
    }
}
