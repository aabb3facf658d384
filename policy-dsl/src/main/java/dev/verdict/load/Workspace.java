package dev.verdict.load;

import dev.verdict.SourceFile;
import dev.verdict.Sources;
import dev.verdict.ast.RegoVersion;
import dev.verdict.value.Value;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the path arguments of a command ({@code -d PATH}, {@code test PATH…}) load, as opa's loader
 * does: {@code .rego} files are policies; {@code .json}, {@code .yaml} and {@code .yml} files are
 * data placed under the path of their directory relative to the root argument; directories are
 * walked recursively in name order. Every problem is collected before failing. {@code dataFiles}
 * says where each data file went, in load order (a bundle places them by directory again).
 */
public record Workspace(List<SourceFile> policies, Value data, List<DataFile> dataFiles) {

  /** A data file's document and the path of data it was placed at. */
  public record DataFile(String name, List<String> path, Value doc) {}

  /** Which files a command wants. */
  public enum Scope {
    /** Policies and data (eval, test, explain). */
    ALL,
    /** Policies only, other files skipped (check). */
    POLICIES
  }

  public Sources sources(RegoVersion version) {
    return new Sources(policies, data, version);
  }

  /**
   * @param ignore glob patterns matched against file and directory names ({@code .*}, {@code *_test.rego})
   */
  public static Workspace load(List<String> roots, Scope scope, List<String> ignore) throws LoadException {
    List<PathMatcher> ignored = ignore.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    List<SourceFile> policies = new ArrayList<>();
    DataTree data = new DataTree();
    List<DataFile> dataFiles = new ArrayList<>();
    List<LoadError> errors = new ArrayList<>();
    for (String root : roots) {
      Path base = Path.of(root);
      if (!Files.exists(base)) {
        errors.add(LoadError.of(root + ": no such file or directory"));
        continue;
      }
      boolean directory = Files.isDirectory(base);
      for (Path file : files(base, ignored, errors)) {
        String name = file.toString();
        try {
          if (name.endsWith(".rego")) {
            policies.add(new SourceFile(name, DataFiles.readText(file, name)));
          } else if (scope == Scope.ALL && isData(name)) {
            List<String> at = new ArrayList<>();
            Path dir = base.normalize().relativize(file).getParent();
            if (directory && dir != null) {
              dir.forEach(p -> at.add(p.toString()));
            }
            Value doc = DataFiles.parse(name, DataFiles.readBytes(file, name), DataFiles.isYaml(name));
            data.add(name, at, doc);
            dataFiles.add(new DataFile(name, List.copyOf(at), doc));
          } else if (scope == Scope.ALL && !directory) {
            errors.add(LoadError.of(name + ": unsupported file type (want .rego, .json, .yaml or .yml)"));
          }
        } catch (LoadException f) {
          errors.addAll(f.errors());
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new LoadException(errors);
    }
    return new Workspace(policies, data.build(), List.copyOf(dataFiles));
  }

  private static boolean isData(String name) {
    return name.endsWith(".json") || DataFiles.isYaml(name);
  }

  /** The root itself when it is a file, else the regular files below it, sorted, none ignored. */
  private static List<Path> files(Path base, List<PathMatcher> ignored, List<LoadError> errors) {
    if (!Files.isDirectory(base)) {
      return List.of(base.normalize());
    }
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isIgnored(base.relativize(p), ignored))
          .map(Path::normalize)
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      IOException io = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
      errors.add(LoadError.of(base + ": " + DataFiles.describe(io)));
      return List.of();
    }
  }

  private static boolean isIgnored(Path relative, List<PathMatcher> ignored) {
    for (Path part : relative) {
      for (PathMatcher m : ignored) {
        if (m.matches(part)) {
          return true;
        }
      }
    }
    return false;
  }
}
