package dev.orderflow.bench.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the CPU went during a step: the standalone process (summed over its instances when several run), the
 * Postgres server (postmaster and its backends) and the bench's own process, each in cores used on average over
 * the step's wall time.
 */
public final class CpuMeter {

    private final Supplier<List<Long>> standalonePids;
    private final long postmasterPid;
    private final long benchPid = ProcessHandle.current().pid();

    /**
     * @param standalonePids the pids of the running standalone's instances, the first one first (none when none runs)
     * @param postmasterPid  the local Postgres server's pid, or 0 when it is not on this machine
     */
    public CpuMeter(Supplier<List<Long>> standalonePids, long postmasterPid) {
        this.standalonePids = standalonePids;
        this.postmasterPid = postmasterPid;
    }

    /** Cores the standalone's instances use now, together, measured over {@code millis}. */
    public double standaloneCoresNow(long millis) throws InterruptedException {
        List<Long> pids = standalonePids.get();
        if (pids.isEmpty()) {
            return 0;
        }
        double before = cpuSeconds(pids);
        long start = System.nanoTime();
        Thread.sleep(millis);
        return (cpuSeconds(pids) - before) / ((System.nanoTime() - start) / 1e9);
    }

    public Mark mark() {
        List<Long> pids = List.copyOf(standalonePids.get());
        Map<String, Double> threads = new LinkedHashMap<>();
        for (int i = 0; i < pids.size(); i++) {
            // The first instance's threads keep their plain names, so a one-instance run reads as it always did.
            String instance = i == 0 ? "" : "instance " + (i + 1) + ": ";
            Proc.threadCpuSeconds(pids.get(i)).forEach((group, seconds) -> threads.put(instance + group, seconds));
        }
        return new Mark(System.nanoTime(), pids, cpuSeconds(pids), threads,
                postmasterPid == 0 ? Double.NaN : Proc.treeCpuSeconds(postmasterPid), Proc.cpuSeconds(benchPid),
                Proc.machineBusySeconds());
    }

    private static double cpuSeconds(List<Long> pids) {
        return pids.stream().mapToDouble(pid -> Proc.cpuSeconds(pid)).sum();
    }

    /** CPU counters at one moment; the standalone's summed over its instances' pids. */
    public record Mark(long nanos, List<Long> standalonePids, double standalone, Map<String, Double> standaloneThreads,
                       double postgres, double bench, double machine) {

        /** Cores used on average from this mark to {@code end}. */
        public Use until(Mark end) {
            double wall = (end.nanos - nanos) / 1e9;
            boolean same = end.standalonePids.equals(standalonePids) && !standalonePids.isEmpty();
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
     * @param standalone  cores the standalone used on average, all its instances together (NaN if one was started
     *                    or stopped in between)
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
