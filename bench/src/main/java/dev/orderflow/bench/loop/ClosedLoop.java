package dev.orderflow.bench.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code total} operations from {@code clients} threads, each thread starting its next operation as
 * soon as its last one answered (a closed loop, as a client waiting for each answer does). The one loop of the
 * bench: the runner drives HTTP and JDBC with it, the agent the command gateway inside the standalone, which is
 * why it needs nothing beyond the JDK (the agent jar brings no libraries into the standalone).
 */
public final class ClosedLoop {

    /** One operation, numbered from 0. */
    @FunctionalInterface
    public interface Operation {
        void run(int index) throws Exception;
    }

    /** Told each operation's duration as it ends (failed or not), on the client thread that ran it. */
    @FunctionalInterface
    public interface Timing {
        void took(int index, long nanos);
    }

    /**
     * @param elapsedNanos from the first operation started to the last one answered
     * @param operations   how many ran, failed ones included
     */
    public record Result(long elapsedNanos, int operations, int failures, String firstFailure) {

        public double perSecond() {
            return operations / (elapsedNanos / 1e9);
        }
    }

    private ClosedLoop() {
    }

    /** @param threadName the client threads' names, numbered after it */
    public static Result run(String threadName, int clients, int total, Operation operation, Timing timing) {
        if (clients < 1 || total < 0) {
            throw new IllegalArgumentException("needs at least one client and no negative count, had "
                    + clients + " clients for " + total + " operations");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Runnable client = () -> {
            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long start = System.nanoTime();
                try {
                    operation.run(i);
                } catch (Exception e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
                timing.took(i, System.nanoTime() - start);
            }
        };
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(client, threadName + "-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + threadName + " was running", e);
            }
        }
        return new Result(System.nanoTime() - start, total, failures.get(), firstFailure.get());
    }
}
