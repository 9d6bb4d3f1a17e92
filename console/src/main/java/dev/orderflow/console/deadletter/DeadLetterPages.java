package dev.orderflow.console.deadletter;

import dev.orderflow.console.Flash;
import dev.orderflow.shared.adminapi.OperatorActions;
import dev.orderflow.shared.adminapi.OperatorActions.Channel;
import dev.orderflow.shared.deadletter.DeadLetterAdmin;
import dev.orderflow.shared.deadletter.DeadLetterSequence;
import dev.orderflow.shared.deadletter.RetryOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Per processing group, the parked sequences with their events and causes; retry one, retry all, evict. */
@Controller
public class DeadLetterPages {

    private final ObjectProvider<DeadLetterAdmin> admin;
    private final OperatorActions actions;

    DeadLetterPages(ObjectProvider<DeadLetterAdmin> admin, OperatorActions actions) {
        this.admin = admin;
        this.actions = actions;
    }

    @GetMapping("/console/dead-letters")
    String deadLetters(Model model) {
        DeadLetterAdmin deadLetters = admin.getIfAvailable();
        Map<String, List<DeadLetterSequence>> byGroup = new TreeMap<>();
        if (deadLetters != null) {
            deadLetters.processingGroups().forEach(group -> byGroup.put(group, new ArrayList<>()));
            deadLetters.sequences(Optional.empty()).forEach(sequence ->
                    byGroup.computeIfAbsent(sequence.processingGroup(), group -> new ArrayList<>()).add(sequence));
        }
        model.addAttribute("keepsDeadLetters", deadLetters != null);
        model.addAttribute("groups", byGroup);
        return "console/dead-letters";
    }

    @PostMapping("/console/dead-letters/{group}/retry")
    String retryAll(@PathVariable String group, RedirectAttributes redirect) {
        Flash.run(redirect, () -> {
            List<RetryOutcome> outcomes = actions.retryAll(Channel.CONSOLE, group);
            long handled = outcomes.stream().filter(RetryOutcome::handled).count();
            return group + ": " + handled + " of " + outcomes.size() + " sequences handled";
        });
        return "redirect:/console/dead-letters";
    }

    @PostMapping("/console/dead-letters/{group}/{sequence}/retry")
    String retry(@PathVariable String group, @PathVariable String sequence, RedirectAttributes redirect) {
        Flash.run(redirect, () -> {
            RetryOutcome outcome = actions.retry(Channel.CONSOLE, group, sequence);
            if (outcome.handled()) {
                return "Sequence " + sequence + " was handled and left the queue";
            }
            redirect.addFlashAttribute("refusal", "Sequence " + sequence + " failed again and stays parked: "
                    + (outcome.cause() == null ? "unknown cause" : outcome.cause().type() + ": " + outcome.cause().message()));
            return null;
        });
        return "redirect:/console/dead-letters";
    }

    @PostMapping("/console/dead-letters/{group}/{sequence}/evict")
    String evict(@PathVariable String group, @PathVariable String sequence, RedirectAttributes redirect) {
        Flash.run(redirect, () -> {
            actions.evict(Channel.CONSOLE, group, sequence);
            return "Sequence " + sequence + " evicted: its events will not be handled";
        });
        return "redirect:/console/dead-letters";
    }
}
