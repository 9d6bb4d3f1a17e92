package dev.orderflow.shared.command;

import dev.orderflow.api.refusal.RefusalKind;

import java.util.Optional;

/**
 * Why a follow-up command did not take effect, handed back to the saga or policy that sent it: the domain refused
 * it (with the kind of refusal), or it failed in a way no retry mends (a bug, data that can never be handled).
 * Either way it is final, and the sender decides what it means for its business transaction.
 *
 * @param kind   the kind of the domain's refusal; empty when the command failed for good
 * @param reason what went wrong, in words fit for an order's rejection reason
 */
public record Refusal(Optional<RefusalKind> kind, String reason) {

    static Refusal byTheDomain(RefusalKind kind, String reason) {
        return new Refusal(Optional.of(kind), reason);
    }

    static Refusal failedForGood(String reason) {
        return new Refusal(Optional.empty(), reason);
    }

    public boolean is(RefusalKind refusalKind) {
        return kind.filter(refusalKind::equals).isPresent();
    }

    /**
     * No event will follow that tells the sender what happened: the target does not exist, or the command failed.
     * (A broken rule or a conflict says the aggregate already is in another state, which its events report.)
     */
    public boolean leavesNoTrace() {
        return kind.isEmpty() || is(RefusalKind.NOT_FOUND);
    }
}
