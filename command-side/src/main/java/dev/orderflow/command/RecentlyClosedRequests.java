package dev.orderflow.command;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * The requests an aggregate answered lately and for good (a stock reservation rejected, released or shipped; a
 * credit hold declined or released), so that a repeat of one gets no second answer. What is still open (a
 * reservation held, credit held) the aggregate knows from its state anyway; this remembers what is closed.
 * <p>
 * A repeat comes while the business transaction that sent it still runs: a redelivered event or a retried command
 * of the fulfilment saga, which sends nothing for an order once it has ended. So the last {@link #KEPT} closed ids
 * suffice, and keep the aggregate (in memory, in its cache and in every snapshot) from growing with its history:
 * a repeat would be answered again only after {@link #KEPT} other requests of the same aggregate closed meanwhile.
 * Rebuilt from the events in their order, it holds the same ids on every load.
 */
public final class RecentlyClosedRequests {

    public static final int KEPT = 1_000;

    /** Oldest first (insertion order, which Jackson keeps in a snapshot). */
    private final LinkedHashSet<UUID> ids = new LinkedHashSet<>();

    public boolean contains(UUID requestId) {
        return ids.contains(requestId);
    }

    public void closed(UUID requestId) {
        ids.remove(requestId);
        ids.add(requestId);
        if (ids.size() > KEPT) {
            Iterator<UUID> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    public int size() {
        return ids.size();
    }
}
