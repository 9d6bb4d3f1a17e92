package dev.orderflow.bench.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where the CPU went during a step: the standalone process, the Postgres server (postmaster and its
 * backends) and the bench's own process, each in cores used on average over the step's wall time.
 */
public final class CpuMeter {

    private final LongSupplier standalonePid;
    private final long postmasterPid;
    private final long benchPid = ProcessHandle.current().pid();

    /**
     * @param standalonePid the running standalone's pid (0 when none runs)
     * @param postmasterPid the local Postgres server's pid, or 0 when it is not on this machine
     */
    public CpuMeter(LongSupplier standalonePid, long postmasterPid) {
        this.standalonePid = standalonePid;
        this.postmasterPid = postmasterPid;
    }

    /** Cores the standalone uses now, measured over {@code millis}. */
    public double standaloneCoresNow(long millis) throws InterruptedException {
        long pid = standalonePid.getAsLong();
        if (pid == 0) {
            return 0;
        }
        double before = Proc.cpuSeconds(pid, false);
        long start = System.nanoTime();
        Thread.sleep(millis);
        return (Proc.cpuSeconds(pid, false) - before) / ((System.nanoTime() - start) / 1e9);
    }

    public Mark mark() {
        long pid = standalonePid.getAsLong();
        return new Mark(System.nanoTime(), pid, pid == 0 ? 0 : Proc.cpuSeconds(pid, false),
                pid == 0 ? Map.of() : Proc.threadCpuSeconds(pid),
                postmasterPid == 0 ? Double.NaN : Proc.treeCpuSeconds(postmasterPid), Proc.cpuSeconds(benchPid, false),
                Proc.machineBusySeconds());
    }

    /** CPU counters at one moment. */
    public record Mark(long nanos, long standalonePid, double standalone, Map<String, Double> standaloneThreads,
                       double postgres, double bench, double machine) {

        /** Cores used on average from this mark to {@code end}. */
        public Use until(Mark end) {
            double wall = (end.nanos - nanos) / 1e9;
            boolean same = end.standalonePid == standalonePid && standalonePid != 0;
            double standaloneCpu = same ? end.standalone - standalone : Double.NaN;
            Map<String, Double> threads = new LinkedHashMap<>();
            if (same) {
                double named = 0;
                for (Map.Entry<String, Double> thread : end.standaloneThreads.entrySet()) {
                    double used = thread.getValue() - standaloneThreads.getOrDefault(thread.getKey(), 0.0);
                    if (used > 0) {
                        threads.put(thread.getKey(), used / wall);
                        named += used;
                    }
                }
                if (standaloneCpu - named > 0.005 * wall) {
                    threads.put("(threads that ended)", (standaloneCpu - named) / wall);
                }
            }
            double ours = (Double.isNaN(standaloneCpu) ? 0 : standaloneCpu) + (end.bench - bench)
                    + (Double.isNaN(postgres) ? 0 : end.postgres - postgres);
            return new Use(wall, standaloneCpu / wall, threads, (end.postgres - postgres) / wall, (end.bench - bench) / wall,
                    Math.max(0, (end.machine - machine) - ours) / wall);
        }
    }

    /**
     * @param wallSeconds the step's duration
     * @param standalone  cores the standalone used on average (NaN if it was restarted in between)
     * @param standaloneThreads the same by thread group (see {@link Proc#threadCpuSeconds})
     * @param postgres    cores the Postgres server used (NaN when it is not local)
     * @param bench       cores the bench itself used (load generation, JDBC baselines; with its embedded Postgres
     *                    counted under postgres)
     * @param other       cores everything else on the machine used meanwhile (other processes, the kernel)
     */
    public record Use(double wallSeconds, double standalone, Map<String, Double> standaloneThreads, double postgres,
                      double bench, double other) {

        /** The standalone's busiest thread groups, most cores first. */
        public List<Map.Entry<String, Double>> busiestThreads(int count) {
            return standaloneThreads.entrySet().stream()
                                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                                    .limit(count)
                                    .toList();
        }
    }
}
