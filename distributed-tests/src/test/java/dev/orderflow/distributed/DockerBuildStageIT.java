package dev.orderflow.distributed;

import dev.orderflow.distributed.support.DockerIgnore;
import dev.orderflow.distributed.support.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The images' build stage works, proven without Docker (none runs here): the {@code Dockerfile}'s build stage is
 * read, exactly the files its {@code COPY} lines copy are laid out in a temporary directory (honouring
 * {@code .dockerignore}, as Docker builds the context), and its {@code RUN} command runs there, offline from the
 * local Maven repository that the normal build has filled. Then each service the compose file builds finds the jar
 * its run stage copies. It also checks that every file {@code docker-compose.yml} mounts exists.
 * <p>
 * The stage's command runs as written, plus {@code -o}; it only packages, and the test refuses a command that
 * would install or deploy into the shared local repository.
 */
class DockerBuildStageIT {

    private static final Path REPOSITORY = RunScript.repositoryRoot();

    /** One stage of the Dockerfile: its working directory, its COPY lines, its RUN commands. */
    private record Stage(String name, String workdir, List<List<String>> copies, List<String> runs) {
    }

    @Test
    void theBuildStageBuildsEveryServiceJarFromExactlyWhatItCopies(@TempDir Path layout) throws Exception {
        List<Stage> stages = stagesOf(REPOSITORY.resolve("Dockerfile"));
        Stage build = stages.stream().filter(stage -> "build".equals(stage.name())).findFirst()
                            .orElseThrow(() -> new AssertionError("The Dockerfile has no stage named build"));
        Path workdir = layout.resolve(relative(build.workdir()));
        DockerIgnore ignored = DockerIgnore.of(REPOSITORY);

        for (List<String> copy : build.copies()) {
            copy(copy, workdir, ignored);
        }
        try (Stream<Path> files = Files.walk(layout)) {
            assertThat(files.filter(Files::isDirectory).map(Path::getFileName).map(Path::toString))
                    .as("no build output is copied from the tree into the build context")
                    .doesNotContain("target");
        }
        for (String module : rootPomModules()) {
            assertThat(workdir.resolve(module).resolve("pom.xml"))
                    .as("module %s of the root pom is in the build stage, or Maven cannot read the reactor", module)
                    .exists();
        }
        assertThat(build.runs()).as("the build stage runs one command").hasSize(1);
        Process maven = new ProcessBuilder(offlineMaven(build.runs().get(0)))
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(layout.resolve("maven.log").toFile())
                .start();
        boolean finished = maven.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }
        String log = Files.readString(layout.resolve("maven.log"));
        assertThat(finished).as("the build stage's Maven finished within 10 minutes").isTrue();
        assertThat(maven.exitValue()).as("the build stage's Maven command, output:%n%s", tail(log)).isZero();

        Stage run = stages.get(stages.size() - 1);
        List<String> fromBuild = run.copies().stream().filter(copy -> copy.get(0).equals("--from=build")).findFirst()
                                    .orElseThrow(() -> new AssertionError("The run stage copies nothing from the build stage"));
        for (String module : composeModules()) {
            String jar = fromBuild.get(1).replace("${MODULE}", module);
            assertThat(matching(layout, jar)).as("%s for the %s image", jar, module).hasSize(1);
        }
    }

    @Test
    void everyFileTheComposeFileMountsOrBuildsFromExists() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        List<String> checked = new ArrayList<>();
        services.forEach((name, service) -> {
            for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertThat(REPOSITORY.resolve(source).normalize()).as("%s mounts %s", name, source).exists();
                    checked.add(source);
                }
            }
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = REPOSITORY.resolve(String.valueOf(build.get("context"))).normalize();
                Object dockerfile = build.get("dockerfile");
                assertThat(context.resolve(dockerfile == null ? "Dockerfile" : dockerfile.toString()))
                        .as("%s builds from", name).exists();
                checked.add(name + " build");
            }
        });
        assertThat(checked).as("the compose file mounts files and builds images").isNotEmpty();
    }

    /** The stage's command, with the local mvn and offline: refused if it would install or deploy. */
    private static List<String> offlineMaven(String command) {
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        assertThat(words.get(0)).as("the build stage runs Maven").isEqualTo("mvn");
        assertThat(words).as("the build stage only packages").doesNotContain("install", "deploy");
        words.set(0, Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
        words.add("-o");
        String localRepository = System.getProperty("orderflow.maven.repo.local");
        if (localRepository != null && !localRepository.isBlank()) {
            words.add("-Dmaven.repo.local=" + localRepository);
        }
        return words;
    }

    /** Copies a COPY line's sources into the build context, as Docker does: a directory's content, a file by name. */
    private static void copy(List<String> copy, Path workdir, DockerIgnore ignored) throws IOException {
        assertThat(copy).as("COPY %s", copy).hasSizeGreaterThanOrEqualTo(2);
        assertThat(copy.get(0)).as("the build stage copies from the context only").doesNotStartWith("--");
        String destination = copy.get(copy.size() - 1);
        Path target = destination.startsWith("/") ? workdir.getRoot().resolve(relative(destination)) : workdir.resolve(destination);
        for (String source : copy.subList(0, copy.size() - 1)) {
            Path from = REPOSITORY.resolve(source).normalize();
            assertThat(from).as("COPY source %s", source).exists();
            if (Files.isDirectory(from)) {
                copyTree(from, target, ignored);
            } else {
                String relativePath = REPOSITORY.relativize(from).toString();
                assertThat(ignored.excludes(relativePath)).as("COPY source %s is left out by .dockerignore", source).isFalse();
                Path file = destination.endsWith("/") ? target.resolve(from.getFileName().toString()) : target;
                Files.createDirectories(file.getParent());
                Files.copy(from, file, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void copyTree(Path from, Path target, DockerIgnore ignored) throws IOException {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.sorted().toList()) {
                String relativePath = REPOSITORY.relativize(entry).toString();
                boolean excluded = ignored.excludes(relativePath);
                Path copied = target.resolve(entry.getFileName().toString());
                if (Files.isDirectory(entry)) {
                    if (!excluded || ignored.hasExceptions()) {
                        copyTree(entry, copied, ignored);
                    }
                } else if (!excluded) {
                    Files.createDirectories(target);
                    Files.copy(entry, copied, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static List<Path> matching(Path layout, String absoluteGlob) throws IOException {
        Path pattern = layout.resolve(relative(absoluteGlob));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> files = Files.walk(pattern.getParent())) {
            return files.filter(matcher::matches).toList();
        }
    }

    /** The Dockerfile's stages, with continuation lines joined and the RUN options (such as --mount) left out. */
    private static List<Stage> stagesOf(Path dockerfile) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                instructions.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (String instruction : instructions) {
            String[] words = instruction.split("\\s+");
            String keyword = words[0].toUpperCase();
            if (keyword.equals("FROM")) {
                String name = words.length >= 4 && words[2].equalsIgnoreCase("AS") ? words[3] : null;
                stages.add(new Stage(name, "/", new ArrayList<>(), new ArrayList<>()));
                continue;
            }
            if (stages.isEmpty()) {
                continue;
            }
            Stage stage = stages.get(stages.size() - 1);
            List<String> arguments = Arrays.asList(words).subList(1, words.length);
            switch (keyword) {
                case "WORKDIR" -> stages.set(stages.size() - 1,
                        new Stage(stage.name(), arguments.get(0), stage.copies(), stage.runs()));
                case "COPY" -> stage.copies().add(arguments);
                case "RUN" -> stage.runs().add(String.join(" ",
                        arguments.stream().dropWhile(word -> word.startsWith("--")).toList()));
                default -> {
                }
            }
        }
        return stages;
    }

    /** The modules the root pom lists: the reactor Maven reads in the build stage, whichever it builds. */
    private static List<String> rootPomModules() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(REPOSITORY.resolve("pom.xml").toFile());
        NodeList modules = pom.getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add(modules.item(i).getTextContent().strip());
        }
        assertThat(names).as("the root pom lists its modules").isNotEmpty();
        return names;
    }

    /** The MODULE build argument of every service the compose file builds. */
    private static List<String> composeModules() throws IOException {
        List<String> modules = new ArrayList<>();
        composeServices().forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
                modules.add(String.valueOf(args.get("MODULE")));
            }
        });
        assertThat(modules).as("the compose file builds the services' images").isNotEmpty();
        return modules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        try (Reader compose = Files.newBufferedReader(REPOSITORY.resolve("docker-compose.yml"))) {
            Map<String, Object> file = new Yaml().load(compose);
            Object services = file.get("services");
            if (!(services instanceof Map<?, ?>)) {
                fail("docker-compose.yml has no services");
            }
            return new LinkedHashMap<>((Map<String, Map<String, Object>>) services);
        }
    }

    private static String relative(String absolute) {
        return absolute.replaceFirst("^/+", "");
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }
}
