package dev.orderflow.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultTableTest {

    @Test
    void figuresRenderAsAMarkdownTableWithValueBaselineAndRatio() {
        String table = ResultTable.render(List.of(
                Figure.throughput(1, "HTTP, 8 clients", 250, "cmd/s", "JDBC insert, 8 clients", 1000),
                Figure.cost(6, "Peak RSS", 600, "MiB", "RSS when ready", 500).withNote("-Xmx1g")));

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("| #   | Figure").contains("| Measured ", "| Ratio ", "| Baseline is ");
        assertThat(lines.get(2)).contains("250 cmd/s", "1,000 cmd/s", "0.25×", "JDBC insert, 8 clients");
        assertThat(lines.get(3)).contains("600 MiB", "500 MiB", "1.20×", "-Xmx1g");
    }

    @Test
    void everyLineHasTheSameWidthSoTheColumnsLineUp() {
        String table = ResultTable.render(List.of(
                Figure.throughput(1, "short", 1, "x", "b", 2),
                Figure.throughput(3, "a much longer figure name", 123_456, "events/s", "baseline", 7)));

        assertThat(table.lines().map(String::length).distinct()).hasSize(1);
    }

    @Test
    void numericColumnsAreRightAlignedTextColumnsLeftAligned() {
        String table = ResultTable.markdown(List.of(List.of("Name", "Count"), List.of("a", "5"), List.of("bbb", "12")));

        assertThat(table).isEqualTo("""
                | Name | Count |
                | ---- | ----: |
                | a    |     5 |
                | bbb  |    12 |
                """);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> ResultTable.markdown(List.of(List.of("a", "b"), List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
