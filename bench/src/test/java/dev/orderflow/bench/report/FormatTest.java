package dev.orderflow.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    @Test
    void numbersKeepAboutThreeSignificantDigitsAndGroupThousands() {
        assertThat(Format.number(1_234_567.8)).isEqualTo("1,234,568");
        assertThat(Format.number(1234)).isEqualTo("1,234");
        assertThat(Format.number(123.4)).isEqualTo("123");
        assertThat(Format.number(12.34)).isEqualTo("12.3");
        assertThat(Format.number(1.234)).isEqualTo("1.23");
        assertThat(Format.number(0.0123)).isEqualTo("0.01");
        assertThat(Format.number(0.001234)).isEqualTo("0.0012");
        assertThat(Format.number(0)).isEqualTo("0.00");
    }

    @Test
    void countsShowEveryDigit() {
        assertThat(Format.count(1_000_000)).isEqualTo("1,000,000");
        assertThat(Format.count(50)).isEqualTo("50");
    }

    @Test
    void whatIsNotANumberSaysSo() {
        assertThat(Format.number(Double.NaN)).isEqualTo("n/a");
        assertThat(Format.ratioText(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
        assertThat(Format.withUnit(Double.NaN, "cmd/s")).isEqualTo("n/a");
    }

    @Test
    void ratiosCarryATimesSignAndUnitsFollowTheNumber() {
        assertThat(Format.ratioText(0.0345)).isEqualTo("0.03×");
        assertThat(Format.ratioText(17.25)).isEqualTo("17.3×");
        assertThat(Format.withUnit(1500, "events/s")).isEqualTo("1,500 events/s");
        assertThat(Format.withUnit(3.5, "")).isEqualTo("3.50");
    }
}
