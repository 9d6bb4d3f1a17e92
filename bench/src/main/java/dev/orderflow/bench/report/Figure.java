package dev.orderflow.bench.report;

/**
 * One figure of the table: what was measured, the baseline measured for it in the same run on the same
 * Postgres, and their ratio ({@code value / baseline}).
 *
 * @param scenario     the scenario's number in docs/benchmarks.md, 1 to 6
 * @param name         what was measured, e.g. "HTTP, 8 clients"
 * @param unit         e.g. "cmd/s", "ms", "MiB"
 * @param baselineName what the baseline is, e.g. "JDBC insert, 8 clients"
 * @param higherIsBetter whether a larger value is better (throughput) or worse (time, memory)
 * @param note         anything else worth one glance (e.g. the gain over Axon's defaults); may be empty
 */
public record Figure(int scenario, String name, double value, String unit, String baselineName, double baseline,
                     boolean higherIsBetter, String note) {

    public Figure {
        if (scenario < 1 || scenario > 6) {
            throw new IllegalArgumentException("scenario is 1 to 6, was " + scenario);
        }
        note = note == null ? "" : note;
    }

    public static Figure throughput(int scenario, String name, double value, String unit, String baselineName,
                                    double baseline) {
        return new Figure(scenario, name, value, unit, baselineName, baseline, true, "");
    }

    public static Figure cost(int scenario, String name, double value, String unit, String baselineName,
                              double baseline) {
        return new Figure(scenario, name, value, unit, baselineName, baseline, false, "");
    }

    public Figure withNote(String text) {
        return new Figure(scenario, name, value, unit, baselineName, baseline, higherIsBetter, text);
    }

    /** {@code value / baseline}; NaN when there is no usable baseline. */
    public double ratio() {
        return Format.ratio(value, baseline);
    }
}
