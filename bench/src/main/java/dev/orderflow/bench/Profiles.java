package dev.orderflow.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Summarizes the JFR recording of each standalone per measured step: of the CPU samples JFR took in the
 * standalone's Java threads during the step ({@code jdk.ExecutionSample}, every 10 ms per running thread),
 * which library the work was in, and which methods. A sample counts for the first frame from the top that is
 * not the JDK's own (a {@code HashMap.get} called by Hibernate counts for Hibernate); "self" lists the top
 * frames as they are. Written to {@code profile.txt}.
 */
final class Profiles {

    private static final int TOP = 10;
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.postgresql.", "pgjdbc (JDBC driver)");
        LIBRARIES.put("org.hibernate.", "Hibernate");
        LIBRARIES.put("com.fasterxml.jackson.", "Jackson");
        LIBRARIES.put("org.axonframework.", "Axon Framework");
        LIBRARIES.put("org.apache.tomcat.", "Tomcat");
        LIBRARIES.put("org.apache.coyote.", "Tomcat");
        LIBRARIES.put("org.apache.catalina.", "Tomcat");
        LIBRARIES.put("org.springframework.", "Spring");
        LIBRARIES.put("com.zaxxer.hikari.", "HikariCP");
        LIBRARIES.put("dev.orderflow.bench.", "bench agent");
        LIBRARIES.put("dev.orderflow.", "Orderflow");
        LIBRARIES.put("io.micrometer.", "Micrometer");
        LIBRARIES.put("ch.qos.logback.", "Logback");
        LIBRARIES.put("org.slf4j.", "Logback");
        LIBRARIES.put("reactor.", "Reactor");
        LIBRARIES.put("com.github.kagkarlsson.", "db-scheduler");
        LIBRARIES.put("net.bytebuddy.", "ByteBuddy");
    }

    private Profiles() {
    }

    /** Writes {@code profile.txt} and answers its digest: per step, the busiest threads, libraries and methods. */
    static String summarize(Path out, List<BenchRun.Step> steps) {
        StringBuilder text = new StringBuilder("CPU samples of the standalone per step (JFR jdk.ExecutionSample)\n");
        StringBuilder digest = new StringBuilder();
        for (BenchRun.Setup setup : BenchRun.Setup.values()) {
            String prefix = "standalone-" + (setup == BenchRun.Setup.ORDERFLOW ? "orderflow" : "axon-defaults");
            List<Sample> samples = new ArrayList<>();
            try (DirectoryStream<Path> recordings = Files.newDirectoryStream(out, prefix + "*.jfr")) {
                for (Path recording : recordings) {
                    samples.addAll(read(recording));
                }
            } catch (IOException e) {
                text.append("\n").append(prefix).append(": unreadable (").append(e.getMessage()).append(")\n");
                continue;
            }
            for (BenchRun.Step step : steps) {
                if (step.setup() == setup) {
                    text.append(summary(step, samples));
                    digest.append(digest(step, samples));
                }
            }
        }
        try {
            Files.writeString(out.resolve("profile.txt"), text);
        } catch (IOException e) {
            System.err.println("bench: could not write profile.txt: " + e);
        }
        return digest.toString();
    }

    /** One step in three lines, for the steps that measure the system (not set-up steps, not the JDBC baselines). */
    static String digest(BenchRun.Step step, List<Sample> samples) {
        if (step.name().contains("JDBC") || step.name().contains(" add ") || step.name().contains("warm-up")
                || step.name().contains(" load ")) {
            return "";
        }
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        int total = 0;
        for (Sample sample : samples) {
            if (!sample.time().isBefore(step.start()) && !sample.time().isAfter(step.end())) {
                total++;
                libraries.merge(sample.library(), 1, Integer::sum);
                methods.merge(sample.method(), 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  %s (%s): standalone %.2f cores, Postgres %.2f%n",
                step.name(), step.setup().label, step.cpu().standalone(), step.cpu().postgres()));
        text.append("      threads:");
        for (Map.Entry<String, Double> thread : step.cpu().busiestThreads(4)) {
            text.append(String.format(Locale.ROOT, " %s %.2f,", thread.getKey(), thread.getValue()));
        }
        text.setLength(text.length() - 1);
        text.append(String.format("%n"));
        if (total > 0) {
            text.append("      ").append(total).append(" samples:").append(top(libraries, total, 4)).append(String.format("%n"));
            text.append("      methods:").append(top(methods, total, 3)).append(String.format("%n"));
        }
        return text.toString();
    }

    private static String top(Map<String, Integer> counts, int total, int count) {
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .limit(count)
              .forEach(entry -> text.append(String.format(Locale.ROOT, " %s %.0f%%,", entry.getKey(),
                      100.0 * entry.getValue() / total)));
        text.setLength(Math.max(0, text.length() - 1));
        return text.toString();
    }

    /** A sample: when, the first non-JDK frame (method and library), and the top frame. */
    record Sample(Instant time, String method, String library, String self) {
    }

    static List<Sample> read(Path recording) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    sample(event).ifPresent(samples::add);
                }
            }
        }
        return samples;
    }

    private static Optional<Sample> sample(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return Optional.empty();
        }
        List<RecordedFrame> frames = stack.getFrames();
        String self = method(frames.get(0));
        String attributed = self;
        String type = frames.get(0).getMethod().getType().getName();
        for (RecordedFrame frame : frames) {
            String candidate = frame.getMethod().getType().getName();
            if (!isJdk(candidate)) {
                attributed = method(frame);
                type = candidate;
                break;
            }
        }
        return Optional.of(new Sample(event.getStartTime(), attributed, library(type), self));
    }

    static String summary(BenchRun.Step step, List<Sample> samples) {
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> selves = new HashMap<>();
        int total = 0;
        for (Sample sample : samples) {
            if (sample.time().isBefore(step.start()) || sample.time().isAfter(step.end())) {
                continue;
            }
            total++;
            libraries.merge(sample.library(), 1, Integer::sum);
            methods.merge(sample.method(), 1, Integer::sum);
            selves.merge(sample.self(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n== %s (%s): %.1f s, %d CPU samples%n",
                step.name(), step.setup().label, (step.end().toEpochMilli() - step.start().toEpochMilli()) / 1000.0, total));
        text.append(String.format(Locale.ROOT, "  cores used: standalone %.2f, Postgres %.2f, bench %.2f; the standalone's busiest threads:%n",
                step.cpu().standalone(), step.cpu().postgres(), step.cpu().bench()));
        for (Map.Entry<String, Double> thread : step.cpu().busiestThreads(6)) {
            text.append(String.format(Locale.ROOT, "    %5.2f  %s%n", thread.getValue(), thread.getKey()));
        }
        if (total == 0) {
            return text.toString();
        }
        text.append("  by library (first frame outside the JDK):\n");
        top(libraries, total, text);
        text.append("  by method (first frame outside the JDK):\n");
        top(methods, total, text);
        text.append("  self (top frame):\n");
        top(selves, total, text);
        return text.toString();
    }

    private static void top(Map<String, Integer> counts, int total, StringBuilder text) {
        counts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .limit(TOP)
              .forEach(entry -> text.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n",
                      100.0 * entry.getValue() / total, entry.getKey())));
    }

    static String library(String type) {
        for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
            if (type.startsWith(library.getKey())) {
                return library.getValue();
            }
        }
        if (isJdk(type)) {
            return "JDK";
        }
        String[] parts = type.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
    }

    static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")
                || type.startsWith("com.sun.");
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }
}
