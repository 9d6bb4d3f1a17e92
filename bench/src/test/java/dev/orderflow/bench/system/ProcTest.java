package dev.orderflow.bench.system;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcTest {

    private static final long SELF = ProcessHandle.current().pid();
    /** One clock tick of the kernel's CPU times, and a little for the sums of doubles. */
    private static final double TICK = 0.011;

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

    /** Spends {@code millis} of CPU on the calling thread (measured by the JVM, not the wall clock: others share the cores). */
    private static void burn(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            spins++;
        }
        assertThat(spins).isPositive();
    }

    @Test
    void memoryFieldsOfTheStatusFileAreReadInKilobytes() {
        assertThat(Proc.statusField(STATUS, "VmHWM")).hasValue(612_344);
        assertThat(Proc.statusField(STATUS, "VmRSS")).hasValue(504_648);
        assertThat(Proc.statusField(STATUS, "VmSwap")).isEmpty();
    }

    @Test
    void theEndedChildrensCpuIsReadAfterTheCommandNameWhateverItHoldsInTicks() {
        assertThat(Proc.endedChildrenCpuSeconds(STAT)).isCloseTo(0.5, within(1e-9));
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
    void theResidentSetIsTheOneLinuxReports() throws Exception {
        long fromProc = Proc.statusField(Files.readString(Path.of("/proc/self/status")), "VmRSS").orElseThrow();

        assertThat(Proc.statusKb(SELF, "VmRSS")).isPresent();
        assertThat((double) Proc.rssKb(SELF).orElseThrow()).isCloseTo(fromProc, within(fromProc * 0.2));
        assertThat(Proc.statusKb(SELF, "VmHWM").orElseThrow()).isGreaterThanOrEqualTo(fromProc / 2);
        assertThat(Proc.statusKb(Long.MAX_VALUE, "VmRSS")).isEmpty();
        assertThat(Proc.statusKb(Long.MAX_VALUE, "VmHWM")).isEmpty();
    }

    @Test
    void theCpuABusyThreadSpendsIsCountedForTheProcessAndUnderTheThreadsGroup() throws Exception {
        double before = Proc.cpuSeconds(SELF);
        Thread spinner = new Thread(() -> burn(400), "spinner-7");
        spinner.start();
        spinner.join();
        // The thread has ended, so its CPU is only in the process's total: measure a live one too.
        CountDownLatch burnt = new CountDownLatch(1);
        Thread live = new Thread(() -> {
            burn(300);
            burnt.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "live-spinner-3");
        live.start();
        assertThat(burnt.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            Map<String, Double> threads = Proc.threadCpuSeconds(SELF);

            assertThat(Proc.cpuSeconds(SELF) - before).isGreaterThanOrEqualTo(0.65);
            assertThat(threads).containsKey("live-spinner-#");
            assertThat(threads.get("live-spinner-#")).isGreaterThanOrEqualTo(0.28);
        } finally {
            live.interrupt();
            live.join();
        }
        assertThat(Proc.cpuSeconds(Long.MAX_VALUE)).isZero();
        assertThat(Proc.threadCpuSeconds(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aProcessTreeCountsItsLiveChildrenAndTheOnesItWaitedFor() throws Exception {
        double endedBefore = Proc.endedChildrenCpuSeconds(SELF);
        Process child = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo busy-done; sleep 30").start();
        try {
            assertThat(new String(child.getInputStream().readNBytes(10))).isEqualTo("busy-done\n");
            double childCpu = Proc.cpuSeconds(child.pid());

            assertThat(childCpu).isPositive();
            assertThat(Proc.parentOf(child.pid())).hasValue(SELF);
            assertThat(Proc.commandOf(child.pid())).isEqualTo("sh");
            // This process is read first: it only grows meanwhile, the sleeping child does not.
            double self = Proc.cpuSeconds(SELF);
            assertThat(Proc.treeCpuSeconds(SELF) - self - endedBefore).isGreaterThanOrEqualTo(childCpu - TICK);
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        // Waited for, the child's CPU moves to the parent's count of ended children.
        assertThat(Proc.endedChildrenCpuSeconds(SELF)).isGreaterThan(endedBefore);
        assertThat(Proc.parentOf(Long.MAX_VALUE)).isEmpty();
        assertThat(Proc.commandOf(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void theMachineIsBusyForAtLeastWhatThisProcessSpent() {
        double machineBefore = Proc.machineBusySeconds();
        double selfBefore = Proc.cpuSeconds(SELF);
        burn(300);

        assertThat(Proc.machineBusySeconds() - machineBefore).isGreaterThanOrEqualTo((Proc.cpuSeconds(SELF) - selfBefore) * 0.8 - TICK);
        assertThat(Proc.machineBusySeconds()).isPositive();
    }
}
