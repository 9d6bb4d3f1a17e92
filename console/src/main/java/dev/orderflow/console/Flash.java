package dev.orderflow.console;

import dev.orderflow.api.refusal.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Supplier;

/** The answer to an operator's action, shown once on the page the action returns to. */
public final class Flash {

    private Flash() {
    }

    /**
     * Runs the action; a refusal (a {@link DomainException}, as the REST API answers with 404, 409 or 422) becomes
     * the message shown instead of an error page. An action that answers null has set its own message.
     */
    public static void run(RedirectAttributes redirect, Supplier<String> action) {
        try {
            String notice = action.get();
            if (notice != null) {
                redirect.addFlashAttribute("notice", notice);
            }
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
    }
}
