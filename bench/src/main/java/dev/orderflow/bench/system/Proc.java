package dev.orderflow.bench.system;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OSProcess;
import oshi.software.os.OSThread;
import oshi.software.os.OperatingSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the operating system tells about a process, through OSHI: CPU time, resident memory, threads, parent and
 * children. The few figures OSHI does not give are read from {@code /proc} (see each).
 */
public final class Proc {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times: 100 on every Linux the bench knows of. */
    static final double TICKS_PER_SECOND = 100.0;
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final Path PROC = Path.of("/proc");
    private static final SystemInfo SYSTEM = new SystemInfo();
    private static final OperatingSystem OS = SYSTEM.getOperatingSystem();
    private static final CentralProcessor CPU = SYSTEM.getHardware().getProcessor();

    private Proc() {
    }

    private static Optional<OSProcess> process(long pid) {
        return pid < 1 || pid > Integer.MAX_VALUE ? Optional.empty() : Optional.ofNullable(OS.getProcess((int) pid));
    }

    private static List<OSProcess> childrenOf(long pid) {
        return pid < 1 || pid > Integer.MAX_VALUE ? List.of() : OS.getChildProcesses((int) pid, null, null, 0);
    }

    /** The resident set (VmRSS) of a process in kB, if it still exists. */
    public static OptionalLong rssKb(long pid) {
        return process(pid).map(process -> OptionalLong.of(process.getResidentSetSize() / 1024)).orElse(OptionalLong.empty());
    }

    /**
     * A {@code kB} figure of a process (VmRSS, VmHWM, ...), if the process still exists: VmRSS from OSHI, the
     * others from {@code /proc/<pid>/status}, as OSHI has no peak RSS (VmHWM) nor its parts (RssAnon, ...).
     */
    public static OptionalLong statusKb(long pid, String field) {
        if (field.equals("VmRSS")) {
            return rssKb(pid);
        }
        try {
            return statusField(Files.readString(PROC.resolve(pid + "/status")), field);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Reads {@code field} (e.g. VmHWM) from the text of a {@code /proc/<pid>/status} file, in kB. */
    public static OptionalLong statusField(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    public static OptionalLong parentOf(long pid) {
        return process(pid).map(process -> OptionalLong.of(process.getParentProcessID())).orElse(OptionalLong.empty());
    }

    /** The process's command name (as Linux keeps it, 15 characters), or "" if it is gone. */
    public static String commandOf(long pid) {
        return process(pid).map(OSProcess::getName).orElse("");
    }

    /** CPU seconds the whole machine spent busy so far (all cores, everything but idle and I/O wait). */
    public static double machineBusySeconds() {
        long[] ticks = CPU.getSystemCpuLoadTicks();
        long busyMillis = 0;
        for (CentralProcessor.TickType type : CentralProcessor.TickType.values()) {
            if (type != CentralProcessor.TickType.IDLE && type != CentralProcessor.TickType.IOWAIT) {
                busyMillis += ticks[type.getIndex()];
            }
        }
        return busyMillis / MILLIS_PER_SECOND;
    }

    /** CPU seconds a process used so far (all its threads, user and system), or 0 if it is gone. */
    public static double cpuSeconds(long pid) {
        return process(pid).map(process -> (process.getUserTime() + process.getKernelTime()) / MILLIS_PER_SECOND).orElse(0.0);
    }

    /**
     * CPU seconds of a process and of every live child of it, plus the children that ended (waited for): the
     * Postgres server, whose backends come and go.
     */
    public static double treeCpuSeconds(long pid) {
        double total = cpuSeconds(pid) + endedChildrenCpuSeconds(pid);
        for (OSProcess child : childrenOf(pid)) {
            total += (child.getUserTime() + child.getKernelTime()) / MILLIS_PER_SECOND;
        }
        return total;
    }

    /**
     * CPU seconds of the children a process waited for (cutime + cstime), or 0 if it is gone; from
     * {@code /proc/<pid>/stat}, as OSHI does not give them.
     */
    static double endedChildrenCpuSeconds(long pid) {
        try {
            return endedChildrenCpuSeconds(Files.readString(PROC.resolve(pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double endedChildrenCpuSeconds(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        // The fields after the command name, from field 3 (state); cutime and cstime are fields 16 and 17.
        String[] fields = stat.substring(close + 2).trim().split("\\s+");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of each live thread of a process, by thread name with numbers folded to {@code #}
     * ({@code http-nio-8080-exec-3} and {@code -exec-4} add up under one name; Linux keeps 15 characters of a name).
     */
    public static Map<String, Double> threadCpuSeconds(long pid) {
        Map<String, Double> threads = new TreeMap<>();
        process(pid).ifPresent(process -> {
            for (OSThread thread : process.getThreadDetails()) {
                threads.merge(threadGroup(thread.getName()),
                        (thread.getUserTime() + thread.getKernelTime()) / MILLIS_PER_SECOND, Double::sum);
            }
        });
        return threads;
    }

    static String threadGroup(String threadName) {
        return threadName.replaceAll("(?<![A-Za-z])\\d+", "#");
    }
}
