package dev.verdict.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .verdict.yaml}: a level per rule ({@code error}, {@code warning} or {@code ignore}) and
 * globs of files whose findings are dropped. Those files are still compiled, since others may
 * use their rules.
 *
 * <pre>
 * rules:
 *   line-length: {level: ignore}
 *   unused-rule: {level: error}
 * ignore:
 *   files: ["vendor/**"]
 * </pre>
 */
public record LintConfig(Map<String, Optional<Level>> levels, List<PathMatcher> ignoredFiles) {

  public static final LintConfig DEFAULT = new LintConfig(Map.of(), List.of());

  /** A configuration that cannot be used: unknown rule, level or shape. */
  public static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  public static LintConfig read(Path file) throws IOException, Invalid {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    if (root == null || root.isMissingNode() || root.isNull()) {
      return DEFAULT;
    }
    Map<String, Optional<Level>> levels = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("rules").properties()) {
      if (Linter.RULES.stream().noneMatch(r -> r.id().equals(e.getKey()))) {
        throw new Invalid(file + ": unknown rule " + e.getKey());
      }
      String level = e.getValue().path("level").asText("");
      levels.put(e.getKey(), switch (level) {
        case "error" -> Optional.of(Level.error);
        case "warning" -> Optional.of(Level.warning);
        case "ignore" -> Optional.empty();
        default -> throw new Invalid(file + ": rule " + e.getKey() + ": level must be error, warning or ignore, not '" + level + "'");
      });
    }
    List<PathMatcher> ignored = new ArrayList<>();
    for (JsonNode glob : root.path("ignore").path("files")) {
      ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.asText()));
    }
    return new LintConfig(Map.copyOf(levels), List.copyOf(ignored));
  }

  /** The level findings of the rule get, or empty when the rule is ignored. */
  Optional<Level> level(LintRule rule) {
    return levels.getOrDefault(rule.id(), Optional.of(rule.level()));
  }

  boolean ignores(String file) {
    Path p = Path.of(file).normalize();
    return ignoredFiles.stream().anyMatch(m -> m.matches(p));
  }
}
