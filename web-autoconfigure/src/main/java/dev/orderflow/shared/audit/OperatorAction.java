package dev.orderflow.shared.audit;

import java.time.Instant;

/**
 * One thing an operator did to the service, as the audit keeps it.
 *
 * @param actor     who: the authenticated user's name
 * @param channel   through what: {@code console} or {@code api}
 * @param action    what, e.g. {@code replay}, {@code retry}, {@code evict}
 * @param target    on what, e.g. the processor's name, or a processing group and a sequence
 * @param succeeded whether it was done; a refused or failed action is kept too
 * @param detail    the answer in a sentence: why it was refused, or what came of it
 */
public record OperatorAction(long id, Instant happenedAt, String actor, String channel, String action, String target,
                             boolean succeeded, String detail) {
}
