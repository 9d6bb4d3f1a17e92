package dev.orderflow.console.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {

    @Test
    void theHighestValueIsAtTheTopAndZeroAtTheBottomAcrossTheWholeWidth() {
        Sparkline chart = Sparkline.of("Commands", "/s", List.of(0.0, 5.0, 10.0));

        assertThat(chart.points()).isEqualTo("0.0,47.0 120.0,24.0 240.0,1.0");
        assertThat(chart.latestText()).isEqualTo("10.0 /s");
        assertThat(chart.maxText()).isEqualTo("10.0 /s");
    }

    @Test
    void beforeTheFirstSampleThereIsNothingToDraw() {
        Sparkline chart = Sparkline.of("Queries", "/s", List.of());

        assertThat(chart.points()).isEmpty();
        assertThat(chart.latestText()).isEqualTo("measuring…");
    }

    @Test
    void largeValuesLoseTheirDecimals() {
        assertThat(Sparkline.of("Events appended", "/s", List.of(1234.56)).latestText()).isEqualTo("1235 /s");
    }
}
