package dev.orderflow.distributed.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file, read as Docker reads it: one pattern a line, {@code #} comments, paths relative to
 * the build context, {@code *} and {@code ?} within one path segment, {@code **} across any number of them, a
 * leading {@code !} taking an earlier exclusion back, the last matching line deciding. A pattern that matches a
 * directory excludes everything beneath it.
 */
public final class DockerIgnore {

    private record Rule(Pattern pattern, boolean exclude) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of {@code .dockerignore} in the context directory; none when there is no such file. */
    public static DockerIgnore of(Path context) {
        Path file = context.resolve(".dockerignore");
        try {
            return parse(Files.exists(file) ? Files.readAllLines(file) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DockerIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean exclude = !pattern.startsWith("!");
            pattern = clean(exclude ? pattern : pattern.substring(1).strip());
            if (!pattern.isEmpty()) {
                rules.add(new Rule(toRegex(pattern), exclude));
            }
        }
        return new DockerIgnore(rules);
    }

    /** Whether the path (relative to the context, with {@code /}) is left out of the build context. */
    public boolean excludes(String relativePath) {
        String path = clean(relativePath);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItselfOrAParent(rule.pattern(), path)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    /** Whether some rule takes an exclusion back, so that an excluded directory may still hold included files. */
    public boolean hasExceptions() {
        return rules.stream().anyMatch(rule -> !rule.exclude());
    }

    private static boolean matchesItselfOrAParent(Pattern pattern, String path) {
        String candidate = path;
        while (!candidate.isEmpty()) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            candidate = slash < 0 ? "" : candidate.substring(0, slash);
        }
        return false;
    }

    private static String clean(String path) {
        String cleaned = path.replace('\\', '/').replaceAll("/+", "/");
        while (cleaned.startsWith("/") || cleaned.startsWith("./")) {
            cleaned = cleaned.substring(cleaned.startsWith("/") ? 1 : 2);
        }
        while (cleaned.endsWith("/")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                    i++;
                    regex.append("(?:.*/)?");
                } else {
                    regex.append(".*");
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
