package dev.orderflow.bench;

import dev.orderflow.bench.loop.ClosedLoop;
import dev.orderflow.bench.report.Latencies;
import org.HdrHistogram.Histogram;

/**
 * A {@link ClosedLoop} run from the bench: its progress shown under a label, each operation's latency recorded
 * into a histogram.
 */
final class TimedLoop {

    /**
     * @param elapsedNanos from the first operation started to the last one answered
     * @param latencyNanos every operation's duration
     */
    record Result(long elapsedNanos, Histogram latencyNanos, int failures, String firstFailure) {

        double perSecond() {
            return latencyNanos.getTotalCount() / (elapsedNanos / 1e9);
        }

        Latencies latencies() {
            return Latencies.of(latencyNanos);
        }
    }

    private TimedLoop() {
    }

    static Result run(String label, int clients, int total, ClosedLoop.Operation operation) {
        return run(label, clients, total, operation, (index, nanos) -> {
        });
    }

    /** @param alsoEach told each operation's duration too: for figures that need them in order */
    static Result run(String label, int clients, int total, ClosedLoop.Operation operation, ClosedLoop.Timing alsoEach) {
        Histogram latencies = Latencies.histogram();
        try (Progress progress = Progress.start(label, total, "ops")) {
            ClosedLoop.Result loop = ClosedLoop.run("bench-client", clients, total, operation, (index, nanos) -> {
                latencies.recordValue(nanos);
                alsoEach.took(index, nanos);
                progress.add(1);
            });
            return new Result(loop.elapsedNanos(), latencies, loop.failures(), loop.firstFailure());
        }
    }
}
