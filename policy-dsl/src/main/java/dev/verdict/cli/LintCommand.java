package dev.verdict.cli;

import dev.verdict.SourceFile;
import dev.verdict.error.RegoException;
import dev.verdict.lint.Finding;
import dev.verdict.lint.LintConfig;
import dev.verdict.lint.LintReport;
import dev.verdict.lint.Linter;
import dev.verdict.load.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verdict lint}: reports bugs, style and performance findings in policies (rules and their
 * pages under {@code docs/lint/}). Exit 0 when clean or only warnings, 3 with an error-level
 * finding, 2 when the policies or the configuration cannot be read.
 */
@Command(
    name = "lint",
    description = "Lint Rego policies: bugs, style, idioms, imports, tests and performance.",
    sortOptions = false)
final class LintCommand implements Callable<Integer> {

  static final int FINDINGS = 3;

  static final String DEFAULT_CONFIG = ".verdict.yaml";

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "pretty",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  LintReport.Format format;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration (default: " + DEFAULT_CONFIG + " in the current directory, if there is one).")
  Path config;

  @Mixin LoadOptions load;

  @Mixin PathArgs args;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      LintConfig settings = config();
      Workspace ws = load.load(args.paths, Workspace.Scope.ALL);
      List<Finding> findings = Linter.lint(ws.policies(), ws.data(), load.version(), settings);
      List<String> files = ws.policies().stream().map(SourceFile::name).toList();
      spec.commandLine().getOut().print(LintReport.render(format, files, findings));
      return LintReport.hasErrors(findings) ? FINDINGS : 0;
    } catch (CliFailure f) {
      err.println(ErrorReport.text(f.errors()));
    } catch (RegoException e) {
      err.println(ErrorReport.text(CliError.of(e.errors())));
    } catch (LintConfig.Invalid | IOException e) {
      err.println("verdict lint: " + e.getMessage());
    }
    return FmtCommand.FAILED;
  }

  private LintConfig config() throws IOException, LintConfig.Invalid {
    if (config != null) {
      return LintConfig.read(config);
    }
    Path fallback = Path.of(DEFAULT_CONFIG);
    return Files.isRegularFile(fallback) ? LintConfig.read(fallback) : LintConfig.DEFAULT;
  }
}
