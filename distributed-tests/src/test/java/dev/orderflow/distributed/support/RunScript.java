package dev.orderflow.distributed.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code scripts/run-distributed.sh}, run as a user runs it, with the environment a test gives it. */
public final class RunScript {

    private final Path script = repositoryRoot().resolve("scripts/run-distributed.sh");
    private final Map<String, String> environment;

    public RunScript(Map<String, String> environment) {
        this.environment = environment;
    }

    /** What one run printed (standard output and error together) and how it ended. */
    public record Outcome(int exitCode, String output) {
    }

    public Outcome run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("run-distributed.sh " + String.join(" ", arguments) + " did not end");
            }
            return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path repositoryRoot() {
        String root = System.getProperty("orderflow.repository.root");
        return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root).toAbsolutePath().normalize();
    }

    /** Skips the calling test, saying why, when psql (which creates the databases, as for a user) is not installed. */
    public static void assumePsql() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/psql"))
                || List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                       .anyMatch(directory -> Files.isExecutable(Path.of(directory, "psql")));
        assumeTrue(found, "psql is not installed: the script creates the databases with it; skipping");
    }
}
