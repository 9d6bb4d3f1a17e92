package dev.orderflow.standalone;

import dev.orderflow.shared.embeddedpostgres.OrphanedPostmaster;
import dev.orderflow.testfixtures.StandaloneProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * This module's packaged jar, run as a real process on an embedded Postgres whose data directory (in the work
 * directory) outlives it. Closing the process also stops any Postgres server a killed run left behind, so no test
 * leaves a server running.
 */
final class PackagedStandalone {

    private static final Duration START_TIME = Duration.ofMinutes(3);

    private PackagedStandalone() {
    }

    /** The jar as a user runs it ({@code java -jar}), ready. */
    static StandaloneProcess start(Path workDirectory, String... arguments) {
        return launch(workDirectory, arguments).startReady(START_TIME);
    }

    /**
     * The jar with {@link UnansweredPayments} for these customers: their payments never get an answer. Spring
     * Boot's PropertiesLauncher runs the jar's own classes and libraries with the test classes added.
     */
    static StandaloneProcess startWithUnansweredPayments(Path workDirectory, Collection<UUID> customers,
                                                         String... arguments) {
        return launch(workDirectory, arguments)
                .systemProperty(StandaloneWithUnansweredPayments.CUSTOMERS,
                        customers.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .classPathAddition(Path.of("target", "test-classes"))
                .mainClass(StandaloneWithUnansweredPayments.class.getName())
                .startReady(START_TIME);
    }

    /** Where the embedded Postgres of a standalone started on this work directory keeps its data. */
    static Path dataDirectory(Path workDirectory) {
        return workDirectory.resolve("postgres");
    }

    private static StandaloneProcess.Launch launch(Path workDirectory, String... arguments) {
        Path dataDirectory = dataDirectory(workDirectory);
        // Beside the temporary directory, so that the log of a failed run outlives the test.
        Path log = workDirectory.resolveSibling(workDirectory.getFileName() + "-standalone-" + UUID.randomUUID() + ".log");
        return StandaloneProcess.of(StandaloneProcess.packagedJar(Path.of("target")))
                .heap("512m")
                .arguments(List.of("--orderflow.embedded-postgres.data-directory=" + dataDirectory))
                .arguments(List.of(arguments))
                .log(log)
                .afterStop(() -> OrphanedPostmaster.stopIfAny(dataDirectory));
    }
}
