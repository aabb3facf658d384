package dev.verdict.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.verdict.SourceFile;
import dev.verdict.error.RegoException;
import dev.verdict.format.Formatter;
import dev.verdict.load.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verdict fmt}: writes Rego in its canonical layout, as {@code opa fmt} does. Exit 0, or 2
 * when a file does not parse or (with {@code --fail}) would change.
 */
@Command(
    name = "fmt",
    description = "Format Rego source files: print, diff, rewrite, or fail when a file would change.",
    sortOptions = false)
final class FmtCommand implements Callable<Integer> {

  static final int FAILED = 2;

  @Spec CommandSpec spec;

  @Option(names = {"-d", "--diff"}, description = "Print a unified diff of the changes instead of the formatted text.")
  boolean diff;

  @Option(names = {"-w", "--write"}, description = "Rewrite files that are not formatted.")
  boolean write;

  @Option(names = "--fail", description = "Exit 2 when a file would change; alone, list those files.")
  boolean fail;

  @Mixin LoadOptions load;

  @Mixin PathArgs args;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<SourceFile> files;
    try {
      files = load.load(args.paths, Workspace.Scope.POLICIES).policies();
    } catch (CliFailure f) {
      err.println(ErrorReport.text(f.errors()));
      return FAILED;
    }
    List<CliError> errors = new ArrayList<>();
    boolean changed = false;
    for (SourceFile file : files) {
      String formatted;
      try {
        formatted = Formatter.format(file.name(), file.text(), load.version());
      } catch (RegoException e) {
        errors.addAll(CliError.of(e.errors()));
        continue;
      }
      boolean differs = !formatted.equals(file.text());
      changed |= differs;
      if (diff && differs) {
        out.print(unifiedDiff(file, formatted));
      }
      if (write && differs) {
        Files.writeString(Path.of(file.name()), formatted);
      }
      if (!diff && !write) {
        if (fail) {
          if (differs) {
            out.println(file.name());
          }
        } else {
          out.print(formatted);
        }
      }
    }
    if (!errors.isEmpty()) {
      err.println(ErrorReport.text(errors));
      return FAILED;
    }
    return fail && changed ? FAILED : 0;
  }

  private static String unifiedDiff(SourceFile file, String formatted) {
    List<String> before = file.text().lines().toList();
    List<String> after = formatted.lines().toList();
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff("a/" + file.name(), "b/" + file.name(), before, DiffUtils.diff(before, after), 3);
    return String.join("\n", lines) + "\n";
  }
}
