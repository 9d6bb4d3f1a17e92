package dev.orderflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code total} operations from {@code clients} threads, each thread starting its next operation as
 * soon as its last one answered (a closed loop, as a client waiting for each answer does).
 */
final class ClosedLoop {

    /** One operation, numbered from 0. */
    @FunctionalInterface
    interface Operation {
        void run(int index) throws Exception;
    }

    /**
     * @param elapsedNanos from the first operation started to the last one answered
     * @param latencyNanos each operation's duration, by its number
     */
    record Result(long elapsedNanos, long[] latencyNanos, int failures, String firstFailure) {

        double perSecond() {
            return latencyNanos.length / (elapsedNanos / 1e9);
        }
    }

    private ClosedLoop() {
    }

    static Result run(String label, int clients, int total, Operation operation) {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        try (Progress progress = Progress.start(label, total, "ops")) {
            Runnable client = () -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    try {
                        operation.run(i);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                    latencies[i] = System.nanoTime() - start;
                    progress.add(1);
                }
            };
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                Thread thread = new Thread(client, "bench-client-" + c);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return new Result(System.nanoTime() - start, latencies, failures.get(), firstFailure.get());
        }
    }
}
