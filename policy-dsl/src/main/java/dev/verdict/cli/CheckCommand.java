package dev.verdict.cli;

import dev.verdict.load.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verdict check}: parses and compiles the {@code .rego} files under the paths and reports
 * every error, as {@code opa check} does: nothing on success (exit 0), the errors on stderr and
 * exit 1 otherwise.
 */
@Command(
    name = "check",
    description = "Check Rego source files for parse and compilation errors.",
    sortOptions = false)
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ReportFormat format;

  @Option(
      names = {"-m", "--max-errors"},
      paramLabel = "N",
      defaultValue = "10",
      description = "Report at most N errors; 0 or less for all (default: ${DEFAULT-VALUE}).")
  int maxErrors;

  @Mixin LoadOptions load;

  @Mixin PathArgs args;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      load.compile(load.load(args.paths, Workspace.Scope.POLICIES));
      return 0;
    } catch (CliFailure f) {
      List<CliError> errors = limit(f.errors(), maxErrors);
      err.println(format.json() ? ErrorReport.json(errors) : ErrorReport.text(errors));
      return 1;
    }
  }

  /** The first {@code max} errors and opa's "error limit reached" when there were more. */
  static List<CliError> limit(List<CliError> errors, int max) {
    if (max <= 0 || errors.size() <= max) {
      return errors;
    }
    List<CliError> kept = new ArrayList<>(errors.subList(0, max));
    kept.add(new CliError("rego_compile_error", "error limit reached", null));
    return kept;
  }
}
