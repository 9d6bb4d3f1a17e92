package dev.orderflow.bench.system;

import dev.orderflow.testfixtures.StandaloneProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real standalone system as the bench measures it: the shared {@link StandaloneProcess} (its Spring Boot jar,
 * started with the bench's agent jar beside it), on a database of the bench's Postgres, with its memory sampled
 * once a second and read at its end.
 */
public final class MeasuredStandalone implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final StandaloneProcess process;
    private final long startedNanos = System.nanoTime();
    private final List<double[]> rssSamples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler;
    private long readyRssKb;
    private double readySeconds;
    private long peakRssKb;
    private final Map<String, Long> endRssKb = new LinkedHashMap<>();
    private boolean closed;

    private MeasuredStandalone(String name, StandaloneProcess process) {
        this.name = name;
        this.process = process;
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rss-" + name);
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sampleRss, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * @param properties   Spring properties for the standalone, as {@code name=value}
     * @param jfr          where to record a JFR profile, or null for none
     * @param nativeMemory whether to track native memory, for {@link #nativeMemorySummary()}
     */
    public static MeasuredStandalone start(String name, Path jar, Path agentJar, String heap, String dbUrl, String dbUser,
                                           String dbPassword, List<String> properties, Path log, Path jfr,
                                           boolean nativeMemory) {
        StandaloneProcess.Launch launch = StandaloneProcess.of(jar)
                .heap(heap)
                .classPathAddition(agentJar)
                .arguments(properties.stream().map(property -> "--" + property).toList())
                // The bench signs in with the development credentials (HttpApi): an operator's own must not change them.
                .withoutEnvironment("ORDERFLOW_API_USER", "ORDERFLOW_API_PASSWORD", "ORDERFLOW_ADMIN_USER",
                        "ORDERFLOW_ADMIN_PASSWORD")
                .environment("ORDERFLOW_DB_URL", dbUrl)
                .environment("ORDERFLOW_DB_USER", dbUser)
                .environment("ORDERFLOW_DB_PASSWORD", dbPassword)
                .log(log);
        if (jfr != null) {
            launch.jvmOption("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        if (nativeMemory) {
            launch.jvmOption("-XX:NativeMemoryTracking=summary");
        }
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException("missing " + agentJar.toAbsolutePath() + ": build it first "
                    + "(scripts/bench.sh does: mvn -pl standalone,bench -am -Pbench package -DskipTests)");
        }
        return new MeasuredStandalone(name, launch.start());
    }

    /** Waits until the standalone answers ready; notes its memory then. */
    public void awaitReady() {
        process.awaitReady(READY_TIMEOUT);
        readySeconds = (System.nanoTime() - startedNanos) / 1e9;
        readyRssKb = Proc.rssKb(pid()).orElse(0);
    }

    public URI baseUri() {
        return process.baseUri();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public boolean closed() {
        return closed;
    }

    /** Resident memory when it first answered ready, before any load, in kB. */
    public long readyRssKb() {
        return readyRssKb;
    }

    public double readySeconds() {
        return readySeconds;
    }

    /** Peak resident memory ({@code VmHWM}) so far, or at exit once closed, in kB. */
    public long peakRssKb() {
        return closed ? peakRssKb : Proc.statusKb(pid(), "VmHWM").orElse(peakRssKb);
    }

    /**
     * The resident memory at the end by kind, in kB, once closed: {@code VmRSS} and its parts {@code RssAnon} (heap,
     * metaspace, code, thread stacks, malloc), {@code RssFile} (mapped files: the JVM's libraries, the jars, the CDS
     * archive) and {@code RssShmem}.
     */
    public Map<String, Long> endRssKb() {
        return Map.copyOf(endRssKb);
    }

    /** Resident memory once a second since the start: {seconds since start, MiB}. */
    public List<double[]> rssSamples() {
        return List.copyOf(rssSamples);
    }

    /**
     * {@code jcmd <pid> VM.native_memory summary}: what the JVM has committed now, by category (heap, class
     * metadata, code, threads, GC, ...); only for a process started with native memory tracking.
     */
    public String nativeMemorySummary() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String text = new String(run.getInputStream().readAllBytes());
            if (!run.waitFor(60, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
            return text;
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The committed KiB of each category of a {@link #nativeMemorySummary()}, e.g. "Java Heap" and "Class", in its
     * order, with "Total" first.
     */
    public static Map<String, Long> committedKb(String summary) {
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(summary);
        if (total.find()) {
            committed.put("Total", Long.parseLong(total.group(1)));
        }
        Matcher category = Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(summary);
        while (category.find()) {
            committed.put(category.group(1).trim(), Long.parseLong(category.group(2)));
        }
        return committed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        peakRssKb = Proc.statusKb(pid(), "VmHWM").orElse(0);
        for (String part : List.of("VmRSS", "RssAnon", "RssFile", "RssShmem")) {
            Proc.statusKb(pid(), part).ifPresent(kb -> endRssKb.put(part, kb));
        }
        closed = true;
        sampler.shutdownNow();
        process.close();
    }

    private void sampleRss() {
        Proc.rssKb(pid()).ifPresent(kb ->
                rssSamples.add(new double[]{(System.nanoTime() - startedNanos) / 1e9, kb / 1024.0}));
    }
}
