package dev.orderflow.bench;

import dev.orderflow.bench.loop.ClosedLoop;

/** A {@link ClosedLoop} run from the bench: its progress shown under a label, each operation's latency kept. */
final class TimedLoop {

    /**
     * @param elapsedNanos from the first operation started to the last one answered
     * @param latencyNanos each operation's duration, by its number
     */
    record Result(long elapsedNanos, long[] latencyNanos, int failures, String firstFailure) {

        double perSecond() {
            return latencyNanos.length / (elapsedNanos / 1e9);
        }
    }

    private TimedLoop() {
    }

    static Result run(String label, int clients, int total, ClosedLoop.Operation operation) {
        long[] latencies = new long[total];
        try (Progress progress = Progress.start(label, total, "ops")) {
            ClosedLoop.Result loop = ClosedLoop.run("bench-client", clients, total, operation, (index, nanos) -> {
                latencies[index] = nanos;
                progress.add(1);
            });
            return new Result(loop.elapsedNanos(), latencies, loop.failures(), loop.firstFailure());
        }
    }
}
