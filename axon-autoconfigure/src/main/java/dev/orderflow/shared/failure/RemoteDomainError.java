package dev.orderflow.shared.failure;

import dev.orderflow.api.refusal.RefusalKind;

/**
 * The details a refused command carries back to its sender when it crossed a process boundary
 * (Axon Server delivers a remote handler's exception as a {@code CommandExecutionException} with
 * only these details, not the exception itself).
 */
public record RemoteDomainError(RefusalKind kind, String message) {
}
