package dev.orderflow.shared.eventhandling;

import org.axonframework.common.AxonThreadFactory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The coordinator thread of a pooled streaming processor, which looks again soon when its work packages' buffers
 * are full instead of after Axon's fixed 100 ms.
 * <p>
 * Axon's coordinator reads events into each work package's buffer (1,024 events) and, once one is full, schedules
 * itself again after 100 ms; nothing wakes it earlier when a worker drains the buffer. A worker that handles more
 * than about 10,000 events a second (a replay's batches) empties the buffer well inside that pause and then waits
 * for the rest of it: the replay ran at a third of what its worker could do, with both cores partly idle. This
 * executor runs that one pause (a delay of exactly {@value #FULL_BUFFER_PAUSE_MS} ms, the only one Axon uses for
 * it) after {@link #FULL_BUFFER_RECHECK_MS} ms; every other schedule (a claim's interval, a retry's back-off)
 * keeps its delay. A re-check of full buffers costs a look at their sizes, so checking 200 times a second while a
 * processor catches up is cheap, and a processor that has caught up waits on its stream's callback as before.
 */
public final class PromptCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    /** The delay Axon 4's {@code Coordinator} schedules itself with when no work package has space left. */
    static final long FULL_BUFFER_PAUSE_MS = 100;
    /** How soon this executor runs the coordinator again instead. */
    static final long FULL_BUFFER_RECHECK_MS = 5;

    private final LongAdder fullBufferRechecks = new LongAdder();

    /** @param processorName names the thread as Axon's own coordinator thread is named */
    public PromptCoordinatorExecutor(String processorName) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (isFullBufferPause(delay, unit)) {
            fullBufferRechecks.increment();
            return super.schedule(command, FULL_BUFFER_RECHECK_MS, TimeUnit.MILLISECONDS);
        }
        return super.schedule(command, delay, unit);
    }

    /** How often the coordinator found its work packages full and was run again sooner. */
    public long fullBufferRechecks() {
        return fullBufferRechecks.sum();
    }

    static boolean isFullBufferPause(long delay, TimeUnit unit) {
        return unit.toNanos(delay) == TimeUnit.MILLISECONDS.toNanos(FULL_BUFFER_PAUSE_MS);
    }
}
