package dev.orderflow.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FigureTest {

    @Test
    void theRatioIsTheValueOverItsBaseline() {
        Figure figure = Figure.throughput(1, "HTTP, 8 clients", 250, "cmd/s", "JDBC insert, 8 clients", 1000);

        assertThat(figure.ratio()).isCloseTo(0.25, within(1e-12));
        assertThat(figure.higherIsBetter()).isTrue();
        assertThat(Figure.cost(3, "Replay time", 90, "s", "JDBC", 30).ratio()).isCloseTo(3, within(1e-12));
    }

    @Test
    void withoutAUsableBaselineTheRatioIsNotANumber() {
        assertThat(Figure.throughput(5, "x", 10, "cmd/s", "none", 0).ratio()).isNaN();
        assertThat(Figure.throughput(5, "x", 10, "cmd/s", "none", Double.NaN).ratio()).isNaN();
    }

    @Test
    void aNoteIsAddedWithoutChangingTheFigure() {
        Figure figure = Figure.throughput(5, "x", 10, "cmd/s", "JDBC", 100).withNote("Orderflow settings: 3.00×");

        assertThat(figure.note()).isEqualTo("Orderflow settings: 3.00×");
        assertThat(figure.value()).isEqualTo(10);
        assertThat(Figure.throughput(1, "x", 1, "", "", 1).note()).isEmpty();
    }

    @Test
    void scenariosAreOneToSix() {
        assertThatThrownBy(() -> Figure.throughput(7, "x", 1, "", "", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
