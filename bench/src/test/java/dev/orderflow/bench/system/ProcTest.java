package dev.orderflow.bench.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 9088312 kB
            VmHWM:\t  612344 kB
            VmRSS:\t  504648 kB
            Threads:\t62
            """;

    // A thread name with a space and a parenthesis, as Linux allows: the fields are read after the last ')'.
    private static final String STAT = "4242 (C2 Compiler (x)) S 4200 4242 4200 0 -1 4194560 1000 0 0 0 "
            + "250 50 30 20 20 0 62 0 12345 9088312000 126162 18446744073709551615";

    @Test
    void memoryFieldsOfTheStatusFileAreReadInKilobytes() {
        assertThat(Proc.statusField(STATUS, "VmHWM")).hasValue(612_344);
        assertThat(Proc.statusField(STATUS, "VmRSS")).hasValue(504_648);
        assertThat(Proc.statusField(STATUS, "VmSwap")).isEmpty();
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksAndOptionallyTheWaitedForChildren() {
        assertThat(Proc.cpuSeconds(STAT, false)).isCloseTo(3.0, within(1e-9));
        assertThat(Proc.cpuSeconds(STAT, true)).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void theCommandAndParentAreReadAroundTheParentheses() {
        assertThat(Proc.command(STAT)).isEqualTo("C2 Compiler (x)");
        assertThat(Proc.parentPid(STAT)).isEqualTo(4200);
    }

    @Test
    void threadsOfOnePoolAddUpUnderOneName() {
        assertThat(Proc.threadGroup("http-nio-35497-")).isEqualTo("http-nio-#-");
        assertThat(Proc.threadGroup("WorkPackage[ord")).isEqualTo("WorkPackage[ord");
        assertThat(Proc.threadGroup("pool-3-thread-12")).isEqualTo("pool-#-thread-#");
        assertThat(Proc.threadGroup("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(Proc.threadGroup("G1 Conc#0")).isEqualTo("G1 Conc##");
    }

    @Test
    void theMachineIsBusyForAllButIdleAndIoWait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(Proc.machineBusySeconds("cpu  100 10 50 1000 40 5 5 30 0 0")).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void thisProcessCanBeMeasured() {
        long self = ProcessHandle.current().pid();

        assertThat(Proc.statusKb(self, "VmRSS")).isPresent();
        assertThat(Proc.threadCpuSeconds(self)).isNotEmpty();
        assertThat(Proc.statusKb(Long.MAX_VALUE, "VmRSS")).isEmpty();
        assertThat(Proc.machineBusySeconds()).isPositive();
    }
}
