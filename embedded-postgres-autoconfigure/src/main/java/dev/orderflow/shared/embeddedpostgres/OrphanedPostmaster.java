package dev.orderflow.shared.embeddedpostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Postgres server that a killed Orderflow process left running on its data directory. The embedded
 * server is started through {@code pg_ctl}, so it is not a child of the JVM: when the JVM dies without
 * running its shutdown hooks (kill -9, an out-of-memory kill), the server lives on and holds the data
 * directory, and the next start would fail with "lock file postmaster.pid already exists".
 * <p>
 * While a JVM uses the data directory, the embedded Postgres library holds an operating-system lock on
 * its {@code epg-lock} file, and the operating system drops that lock when the JVM dies. A running
 * server whose lock file nobody holds is therefore an orphan; a server whose lock is held belongs to a
 * live process and is left alone.
 */
public final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration STOP_TIME = Duration.ofSeconds(60);

    private OrphanedPostmaster() {
    }

    /**
     * Stops the server running on this data directory if no live process owns it, and waits until it is gone.
     *
     * @return whether there was an orphan to stop
     */
    public static boolean stopIfAny(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return false;
        }
        try (FileChannel lockFile = FileChannel.open(dataDirectory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(lockFile);
            if (lock == null) {
                return false;
            }
            try {
                log.warn("Stopping the Postgres server (pid {}) that an earlier run left on {}: it was not shut down",
                        postmaster.get().pid(), dataDirectory.toAbsolutePath());
                stop(postmaster.get());
                return true;
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the Postgres server left on " + dataDirectory, e);
        }
    }

    /** The live server process that {@code postmaster.pid} names, if any. */
    public static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            // The server removes the file as it stops: nothing is running.
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        // A stale file naming a pid that another program reuses now is none of ours: Postgres sorts that out itself.
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(OrphanedPostmaster::isPostgres).orElse(false));
    }

    private static boolean isPostgres(String command) {
        String executable = Path.of(command).getFileName().toString();
        return executable.equals("postgres") || executable.equals("postgres.exe");
    }

    /** The lock, or null when another process holds it (or this JVM does: then it is not an orphan either). */
    private static FileLock tryLock(FileChannel lockFile) throws IOException {
        try {
            return lockFile.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    /**
     * Postgres' "fast" shutdown, by the signals Java can send: SIGTERM to the server (no new sessions, stop
     * once the sessions have ended), then SIGTERM to every session, which rolls back its transaction and
     * ends it (as {@code pg_terminate_backend} does): the sessions of a killed process may be still running
     * a statement or waiting for a lock. Not pg_ctl, which refuses to run as root, as in many containers.
     * (On Windows, where there are no signals, Java ends the processes outright.)
     */
    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        List<ProcessHandle> sessions = postmaster.children().filter(OrphanedPostmaster::isSession).toList();
        if (!sessions.isEmpty()) {
            log.info("Ending the sessions it still runs: {}", sessions.stream().map(OrphanedPostmaster::title).toList());
            sessions.forEach(ProcessHandle::destroy);
        }
        awaitExit(postmaster);
    }

    /** A client session, titled "postgres: user database host(port) activity", not a server process. */
    private static boolean isSession(ProcessHandle process) {
        return title(process).matches("postgres: .*(\\(\\d+\\)|\\[local\\]).*");
    }

    /**
     * The title Postgres gives the process ("postgres: checkpointer", ...), which it writes over its
     * arguments: Java's process info does not show it, Linux's /proc does. Empty where there is no /proc.
     */
    private static String title(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ').strip();
        } catch (IOException | RuntimeException noProcFileSystem) {
            return "";
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIME.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Process " + process.pid() + " did not stop within " + STOP_TIME + "; it runs "
                    + process.children().map(OrphanedPostmaster::title).toList(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for process " + process.pid(), e);
        }
    }
}
