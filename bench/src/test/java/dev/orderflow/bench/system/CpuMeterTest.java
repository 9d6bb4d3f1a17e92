package dev.orderflow.bench.system;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void coresAreCpuSecondsOverWallSecondsAndTheRestOfTheMachineIsOther() {
        CpuMeter.Mark start = new CpuMeter.Mark(0, List.of(42L), 10, Map.of("http-nio-#-exec-#", 4.0, "GC Thread##", 1.0),
                20, 5, 100);
        CpuMeter.Mark end = new CpuMeter.Mark(2 * SECOND, List.of(42L), 12, Map.of("http-nio-#-exec-#", 5.0, "GC Thread##", 1.5),
                21, 5.5, 104.5);

        CpuMeter.Use use = start.until(end);

        assertThat(use.wallSeconds()).isEqualTo(2);
        assertThat(use.standalone()).isCloseTo(1.0, within(1e-9));
        assertThat(use.postgres()).isCloseTo(0.5, within(1e-9));
        assertThat(use.bench()).isCloseTo(0.25, within(1e-9));
        // 4.5 busy seconds on the machine, 3.5 of them ours.
        assertThat(use.other()).isCloseTo(0.5, within(1e-9));
        assertThat(use.busiestThreads(1)).containsExactly(Map.entry("http-nio-#-exec-#", 0.5));
        // 2 CPU-seconds of the process, 1.5 in live threads: the rest was spent by threads that ended.
        assertThat(use.standaloneThreads()).containsEntry("(threads that ended)", 0.25);
    }

    @Test
    void aStandaloneStartedOrStoppedMeanwhileIsNotMeasured() {
        CpuMeter.Mark start = new CpuMeter.Mark(0, List.of(42L), 10, Map.of(), Double.NaN, 5, 100);
        CpuMeter.Mark end = new CpuMeter.Mark(SECOND, List.of(43L), 1, Map.of(), Double.NaN, 5.5, 101);

        CpuMeter.Use use = start.until(end);

        assertThat(use.standalone()).isNaN();
        assertThat(use.standaloneThreads()).isEmpty();
        assertThat(use.postgres()).isNaN();
        assertThat(use.other()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void thisProcessIsMeasuredAsTheBench() throws Exception {
        CpuMeter meter = new CpuMeter(List::of, 0);

        CpuMeter.Mark mark = meter.mark();

        assertThat(mark.bench()).isPositive();
        assertThat(mark.machine()).isGreaterThanOrEqualTo(mark.bench() * 0.5);
        assertThat(mark.postgres()).isNaN();
        assertThat(meter.standaloneCoresNow(10)).isZero();
    }
}
