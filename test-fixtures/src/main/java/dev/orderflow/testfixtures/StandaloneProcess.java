package dev.orderflow.testfixtures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged standalone application (its Spring Boot jar) run as a JVM of its own, as a user runs it, on a free
 * port; ready once {@code /actuator/health/readiness} answers 200. Close it after use: it stops the process and
 * runs what was asked to run after it ({@link Launch#afterStop}).
 */
public final class StandaloneProcess implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(StandaloneProcess.class);

    private static final Duration STOP_TIME = Duration.ofSeconds(90);
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Process process;
    private final int port;
    private final Path log;
    private final List<Runnable> afterStop;
    private final long startedNanos = System.nanoTime();
    private Duration readyAfter;

    private StandaloneProcess(Process process, int port, Path log, List<Runnable> afterStop) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.afterStop = afterStop;
    }

    /** What to start: the jar, then the JVM's options, arguments and environment. */
    public static Launch of(Path jar) {
        return new Launch(jar);
    }

    /** The standalone's Spring Boot jar in this {@code target} directory: the one the package phase built. */
    public static Path packagedJar(Path targetDirectory) {
        try (Stream<Path> files = Files.list(targetDirectory)) {
            return files.filter(file -> file.getFileName().toString().matches("standalone-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no standalone jar in " + targetDirectory.toAbsolutePath()
                            + ": run the package phase first (mvn -pl standalone -am package -DskipTests)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + targetDirectory.toAbsolutePath(), e);
        }
    }

    /**
     * Waits until the standalone answers ready.
     *
     * @throws IllegalStateException when it exits first or is not ready in time, with the end of its log
     */
    public StandaloneProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the standalone exited with " + process.exitValue()
                        + " before it was ready; see " + log.toAbsolutePath() + ":\n" + logTail(40));
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
                    return this;
                }
            } catch (IOException notListeningYet) {
                // it is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the standalone", e);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the standalone was not ready within " + timeout + "; see "
                + log.toAbsolutePath() + ":\n" + logTail(40));
    }

    /** Its HTTP API, called with the development USER credential. */
    public ServiceClient http() {
        return ServiceClient.on(baseUri().toString());
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** From the start of the process to its first ready answer; null before {@link #awaitReady}. */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** SIGTERM: Spring shuts down in order. Answers the exit code. */
    public int stopGracefully() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the standalone did not stop within " + STOP_TIME + "; see " + log.toAbsolutePath());
        }
        return process.exitValue();
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux and macOS): no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the standalone (pid " + pid() + ") survived SIGKILL for " + STOP_TIME);
        }
    }

    /** Stops the process if it still runs (SIGTERM, then SIGKILL after 90 s), then runs the after-stop actions. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS)) {
                    logger.warn("The standalone (pid {}) did not stop within {}; killing it", pid(), STOP_TIME);
                    process.destroyForcibly().waitFor(STOP_TIME.toSeconds(), TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            afterStop.forEach(Runnable::run);
        }
    }

    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How to start one standalone: the JVM's options, Spring arguments, environment, and where its output goes. */
    public static final class Launch {

        private final Path jar;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> removedEnvironment = new ArrayList<>();
        private final List<Runnable> afterStop = new ArrayList<>();
        private Path classPathAddition;
        private String mainClass;
        private Path log;

        private Launch(Path jar) {
            this.jar = jar;
        }

        /** {@code -Xmx}, e.g. {@code 512m}. */
        public Launch heap(String maximum) {
            return jvmOption("-Xmx" + maximum);
        }

        /** A JVM option as written on the command line, e.g. {@code -XX:NativeMemoryTracking=summary}. */
        public Launch jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Launch systemProperty(String name, String value) {
            return jvmOption("-D" + name + "=" + value);
        }

        /**
         * Classes (a directory or a jar) to add beside the jar's own: the jar then starts with Spring Boot's
         * {@code PropertiesLauncher} and {@code loader.path}.
         */
        public Launch classPathAddition(Path directoryOrJar) {
            this.classPathAddition = directoryOrJar;
            return this;
        }

        /** A main class other than the jar's own, from the {@linkplain #classPathAddition added classes}. */
        public Launch mainClass(String className) {
            this.mainClass = className;
            return this;
        }

        /** Spring arguments, e.g. {@code --orderflow.embedded-postgres.port=5433}. */
        public Launch arguments(List<String> more) {
            arguments.addAll(more);
            return this;
        }

        public Launch environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Variables of this JVM's environment the standalone must not see. */
        public Launch withoutEnvironment(String... names) {
            removedEnvironment.addAll(List.of(names));
            return this;
        }

        /** Where its standard output and error go; a temporary file unless set. */
        public Launch log(Path file) {
            this.log = file;
            return this;
        }

        /** Runs after the process has stopped, on {@link StandaloneProcess#close()}. */
        public Launch afterStop(Runnable action) {
            afterStop.add(action);
            return this;
        }

        /** Starts it and waits until it is ready; a process that does not get ready is stopped before this throws. */
        public StandaloneProcess startReady(Duration timeout) {
            StandaloneProcess process = start();
            try {
                return process.awaitReady(timeout);
            } catch (RuntimeException notReady) {
                process.close();
                throw notReady;
            }
        }

        /** Starts it on a free port; {@link StandaloneProcess#awaitReady} waits for it to answer. */
        public StandaloneProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar.toAbsolutePath()
                        + ": run the package phase first (mvn -pl standalone -am package -DskipTests)");
            }
            if (mainClass != null && classPathAddition == null) {
                throw new IllegalStateException("a main class other than the jar's needs a class path addition");
            }
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            if (classPathAddition == null) {
                command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            } else {
                command.add("-Dloader.path=" + classPathAddition.toAbsolutePath());
                if (mainClass != null) {
                    command.add("-Dloader.main=" + mainClass);
                }
                command.addAll(List.of("-cp", jar.toAbsolutePath().toString(), PROPERTIES_LAUNCHER));
            }
            command.add("--server.port=" + port);
            command.addAll(arguments);
            try {
                Path output = log != null ? log : Files.createTempFile("standalone-" + port + "-", ".log");
                Path directory = output.toAbsolutePath().getParent();
                if (directory != null) {
                    Files.createDirectories(directory);
                }
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                removedEnvironment.forEach(builder.environment()::remove);
                builder.environment().putAll(environment);
                return new StandaloneProcess(builder.start(), port, output, List.copyOf(afterStop));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + jar, e);
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
    }
}
