package dev.orderflow.bench;

import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.report.Format;
import dev.orderflow.bench.report.Latencies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario 2: many commands, one after the other over HTTP, on a single product, whose event stream grows by
 * one event per command. With the aggregate cache and snapshots a command costs the same at the end as at the
 * start: the figure is the mean time per command over the last window, its baseline the first window.
 */
final class LongStream {

    private LongStream() {
    }

    static void run(BenchRun run, String database) throws Exception {
        int commands = run.options.stream();
        int window = run.options.streamWindow();
        HttpApi api = run.api();
        UUID product = CommandThroughput.addProducts(api, 1, "Long-stream product ").get(0);
        // In order of the commands: the figure compares the first window with the last.
        long[] latencies = new long[commands];
        TimedLoop.Result result = run.step("2 long stream, " + commands + " commands", () ->
                TimedLoop.run(Format.count(commands) + " commands on one aggregate", 1, commands,
                        i -> CommandThroughput.restock(api, product), (index, nanos) -> latencies[index] = nanos));
        CommandThroughput.check(result.failures(), result.firstFailure(), "long stream");
        double first = Latencies.meanMs(latencies, 0, window);
        double last = Latencies.meanMs(latencies, commands - window, commands);
        run.add(Figure.cost(2, "Last " + Format.count(window) + " of " + Format.count(commands)
                        + " commands on one aggregate", last, "ms/cmd",
                "first " + Format.count(window) + " on the same aggregate", first));

        Map<String, Object> series = new LinkedHashMap<>();
        series.put("window", window);
        series.put("blockMeansMs", blockMeans(latencies, Math.max(1, commands / 100)));
        series.put("blockSize", Math.max(1, commands / 100));
        try (Connection connection = run.postgres.connect(database);
             PreparedStatement snapshots = connection.prepareStatement(
                     "select count(*), coalesce(max(sequence_number), -1) from axon.snapshot_event_entry where aggregate_identifier = ?")) {
            snapshots.setString(1, product.toString());
            try (ResultSet row = snapshots.executeQuery()) {
                row.next();
                series.put("snapshotsStored", row.getLong(1));
                series.put("lastSnapshotSequence", row.getLong(2));
            }
        }
        run.series.put("orderflow.longStream", series);
    }

    /** The mean of each block of {@code size} commands, in milliseconds: the chart's line. */
    static List<Double> blockMeans(long[] nanos, int size) {
        int blocks = nanos.length / size;
        Double[] means = new Double[blocks];
        for (int block = 0; block < blocks; block++) {
            means[block] = Latencies.meanMs(nanos, block * size, (block + 1) * size);
        }
        return List.of(means);
    }
}
