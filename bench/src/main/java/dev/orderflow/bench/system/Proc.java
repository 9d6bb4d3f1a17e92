package dev.orderflow.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** What Linux tells about a process in {@code /proc}: memory from {@code status}, CPU time from {@code stat}. */
public final class Proc {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times: 100 on every Linux the bench knows of. */
    static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC = Path.of("/proc");

    private Proc() {
    }

    /** A {@code kB} field of {@code /proc/<pid>/status} (VmRSS, VmHWM, ...), if the process still exists. */
    public static OptionalLong statusKb(long pid, String field) {
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

    /** The {@code /proc/<pid>/stat} fields after the command name: index 0 is field 3 (state). */
    static String[] statFields(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        return stat.substring(close + 2).trim().split("\\s+");
    }

    /** CPU seconds of a stat line: utime + stime, plus the children it waited for when {@code withChildren}. */
    static double cpuSeconds(String stat, boolean withChildren) {
        String[] fields = statFields(stat);
        // Fields 14..17 (1-based): utime, stime, cutime, cstime.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    static long parentPid(String stat) {
        return Long.parseLong(statFields(stat)[1]);
    }

    static String command(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    public static OptionalLong parentOf(long pid) {
        return stat(pid).map(stat -> OptionalLong.of(parentPid(stat))).orElse(OptionalLong.empty());
    }

    public static String commandOf(long pid) {
        return stat(pid).map(Proc::command).orElse("");
    }

    /** CPU seconds the whole machine spent busy so far (all cores, everything but idle and I/O wait), from {@code /proc/stat}. */
    public static double machineBusySeconds() {
        try {
            return machineBusySeconds(Files.readAllLines(PROC.resolve("stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double machineBusySeconds(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }

    /** CPU seconds a process used so far (all its threads), or 0 if it is gone. */
    public static double cpuSeconds(long pid, boolean withChildren) {
        return stat(pid).map(stat -> cpuSeconds(stat, withChildren)).orElse(0.0);
    }

    /** CPU seconds of a process and of every live child of it, plus the children that ended (waited for). */
    public static double treeCpuSeconds(long pid) {
        double total = cpuSeconds(pid, true);
        for (long child : children(pid)) {
            total += cpuSeconds(child, false);
        }
        return total;
    }

    /**
     * CPU seconds of each live thread of a process, by thread name with numbers folded to {@code #}
     * ({@code http-nio-8080-exec-3} and {@code -exec-4} add up under one name; Linux keeps 15 characters of a name).
     */
    public static Map<String, Double> threadCpuSeconds(long pid) {
        Map<String, Double> threads = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(PROC.resolve(pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    threads.merge(threadGroup(command(stat)), cpuSeconds(stat, false), Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return threads;
        }
        return threads;
    }

    static String threadGroup(String threadName) {
        return threadName.replaceAll("(?<![A-Za-z])\\d+", "#");
    }

    static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long candidate = Long.parseLong(name);
                stat(candidate).filter(stat -> parentPid(stat) == pid).ifPresent(stat -> children.add(candidate));
            }
        } catch (IOException e) {
            return children;
        }
        return children;
    }

    private static java.util.Optional<String> stat(long pid) {
        try {
            return java.util.Optional.of(Files.readString(PROC.resolve(pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
