package dev.orderflow.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The real standalone system, as a JVM of its own: its Spring Boot jar, started with Spring Boot's
 * {@code PropertiesLauncher} so that the bench's agent jar joins its class path ({@code loader.path}),
 * on a database of the bench's Postgres. Its memory is read from {@code /proc/<pid>/status}.
 */
public final class StandaloneProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final long startedNanos = System.nanoTime();
    private final List<double[]> rssSamples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler;
    private long readyRssKb;
    private double readySeconds;
    private long peakRssKb;
    private final Map<String, Long> endRssKb = new LinkedHashMap<>();
    private boolean closed;

    private StandaloneProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.baseUri = URI.create("http://localhost:" + port);
        this.log = log;
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rss-" + name);
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sampleRss, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * @param properties Spring properties for the standalone, as {@code name=value}
     * @param jfr        where to record a JFR profile, or null for none
     * @param nativeMemory whether to track native memory, for {@link #nativeMemorySummary()}
     */
    public static StandaloneProcess start(String name, Path jar, Path agentJar, String heap, String dbUrl, String dbUser,
                                          String dbPassword, List<String> properties, Path log, Path jfr,
                                          boolean nativeMemory) {
        for (Path required : List.of(jar, agentJar)) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException("missing " + required.toAbsolutePath() + ": build it first "
                        + "(scripts/bench.sh does: mvn -pl standalone,bench -am -Pbench package -DskipTests)");
            }
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        if (nativeMemory) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        command.add("-Dloader.path=" + agentJar.toAbsolutePath());
        command.add("-cp");
        command.add(jar.toAbsolutePath().toString());
        command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        command.add("--server.port=" + port);
        properties.forEach(property -> command.add("--" + property));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("PORT");
        // The bench signs in with the development credentials (HttpApi): an operator's own must not change them.
        List.of("ORDERFLOW_API_USER", "ORDERFLOW_API_PASSWORD", "ORDERFLOW_ADMIN_USER", "ORDERFLOW_ADMIN_PASSWORD")
            .forEach(environment::remove);
        environment.put("ORDERFLOW_DB_URL", dbUrl);
        environment.put("ORDERFLOW_DB_USER", dbUser);
        environment.put("ORDERFLOW_DB_PASSWORD", dbPassword);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new StandaloneProcess(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the standalone", e);
        }
    }

    /** Waits until the standalone answers ready ({@code /actuator/health/readiness}); notes its memory then. */
    public void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/actuator/health/readiness"))
                                         .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the standalone (" + name + ") exited with " + process.exitValue()
                        + " before it was ready; see " + log.toAbsolutePath() + ":\n" + tail());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readySeconds = (System.nanoTime() - startedNanos) / 1e9;
                    readyRssKb = Proc.statusKb(pid(), "VmRSS").orElse(0);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the standalone", e);
            }
            pause(250);
        }
        throw new IllegalStateException("the standalone (" + name + ") was not ready within " + READY_TIMEOUT
                + "; see " + log.toAbsolutePath());
    }

    public URI baseUri() {
        return baseUri;
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
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                System.err.println("The standalone (" + name + ") did not stop within 90 s; killing it");
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void sampleRss() {
        Proc.statusKb(pid(), "VmRSS").ifPresent(kb ->
                rssSamples.add(new double[]{(System.nanoTime() - startedNanos) / 1e9, kb / 1024.0}));
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
