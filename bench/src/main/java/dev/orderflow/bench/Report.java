package dev.orderflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orderflow.bench.report.Chart;
import dev.orderflow.bench.report.Figure;
import dev.orderflow.bench.report.Format;
import dev.orderflow.bench.report.ResultTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a run's results: {@code results.json} (everything), {@code results.md} (the tables) and {@code results.png}. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /** Each measured step with the cores each process used meanwhile. */
    static String cpuTable(List<BenchRun.Step> steps) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Step", "Setup", "Wall s", "Standalone", "Postgres", "Bench", "Other"));
        for (BenchRun.Step step : steps) {
            rows.add(List.of(step.name(), step.setup() == null ? "" : step.setup().label,
                    Format.number(step.cpu().wallSeconds()), Format.number(step.cpu().standalone()),
                    Format.number(step.cpu().postgres()), Format.number(step.cpu().bench()),
                    Format.number(step.cpu().other())));
        }
        return ResultTable.markdown(rows);
    }

    static void write(Path out, BenchOptions options, Map<String, Object> machine, BenchRun run,
                      Map<String, Object> memory, String table, String cpu, Instant started) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("seconds", Duration.between(started, Instant.now()).toSeconds());
        json.put("options", optionsOf(options));
        json.put("machine", machine);
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Figure figure : run.figures) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("scenario", figure.scenario());
            entry.put("figure", figure.name());
            entry.put("value", figure.value());
            entry.put("unit", figure.unit());
            entry.put("baseline", figure.baseline());
            entry.put("baselineIs", figure.baselineName());
            entry.put("ratio", figure.ratio());
            entry.put("higherIsBetter", figure.higherIsBetter());
            entry.put("note", figure.note());
            figures.add(entry);
        }
        json.put("figures", figures);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (BenchRun.Step step : run.steps) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", step.name());
            entry.put("setup", step.setup() == null ? null : step.setup().name());
            entry.put("start", step.start().toString());
            entry.put("end", step.end().toString());
            entry.put("cpu", step.cpu());
            steps.add(entry);
        }
        json.put("steps", steps);
        json.put("facts", run.facts);
        json.put("memory", memory);
        json.put("series", run.series);
        JSON.writeValue(out.resolve("results.json").toFile(), json);
        Files.writeString(out.resolve("results.md"), table + "\nWhere the CPU went (cores used on average):\n\n" + cpu);
        try {
            Chart.write(out.resolve("results.png"), run.figures, run.series, memory);
        } catch (RuntimeException | Error e) {
            // A machine without fonts cannot draw text: the figures stay in the table and JSON.
            System.err.println("bench: could not draw the chart: " + e);
        }
    }

    private static Map<String, Object> optionsOf(BenchOptions options) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("quick", options.quick());
        map.put("commands", options.commands());
        map.put("warmup", options.warmup());
        map.put("clients", options.clients());
        map.put("syncCommitClients", options.syncCommitClients());
        map.put("products", options.products());
        map.put("stream", options.stream());
        map.put("orders", options.orders());
        map.put("orderClients", options.orderClients());
        map.put("instances", options.instances());
        map.put("replayEvents", options.replayEvents());
        map.put("defaultsReplayEvents", options.defaultsReplayEvents());
        map.put("scenarios", options.scenarios());
        map.put("heap", options.heap());
        map.put("profile", options.profile());
        map.put("externalDatabase", options.dbUrl() != null);
        return map;
    }
}
