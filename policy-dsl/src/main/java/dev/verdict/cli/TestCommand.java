package dev.verdict.cli;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.verdict.PolicySet;
import dev.verdict.SourceFile;
import dev.verdict.load.Workspace;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verdict test}: runs the {@code test_*} rules of every package under the paths and reports
 * as {@code opa test} does. Exit 0 when all pass; 2 when any fails, errors or is skipped (unless
 * {@code -z}); 1 when the policies cannot be loaded or compiled.
 */
@Command(
    name = "test",
    description = "Run Rego tests: rules named test_* (todo_test_* are reported as skipped).",
    sortOptions = false)
final class TestCommand implements Callable<Integer> {

  static final int FAILED = 2;

  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "List every test with its duration and print output.")
  boolean verbose;

  @Option(names = {"-r", "--run"}, paramLabel = "REGEX", description = "Run only tests whose full name (data.pkg.test_x) matches.")
  String run;

  @Mixin ReportFormat format;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = GoDuration.Converter.class,
      defaultValue = "5s",
      description = "Time limit for each test (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = {"-z", "--exit-zero-on-skipped"}, description = "Exit 0 when the only non-passing tests are skipped.")
  boolean exitZeroOnSkipped;

  @Option(names = "--fail-on-empty", description = "Exit 1 when no test ran.")
  boolean failOnEmpty;

  @Mixin LoadOptions load;

  @Mixin PathArgs args;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<TestResult> results;
    try {
      Pattern filter = filter();
      Workspace ws = load.load(args.paths, Workspace.Scope.ALL);
      PolicySet policies = load.compile(ws);
      List<TestCase> tests = TestDiscovery.find(policies);
      List<SourceFile> renamed = TestDiscovery.renameDuplicates(ws.policies(), tests);
      if (renamed != null) {
        policies = load.compile(new Workspace(renamed, ws.data(), ws.dataFiles()));
        tests = TestDiscovery.find(policies);
      }
      TestRunner runner = new TestRunner(policies, timeout);
      results = new ArrayList<>();
      for (TestCase t : tests) {
        if (filter == null || filter.matcher(t.fullName()).find()) {
          results.add(runner.run(t));
        }
      }
    } catch (CliFailure f) {
      err.println(ErrorReport.text(f.errors()));
      return 1;
    }
    out.print(format.json() ? JsonTestReport.render(results) : PrettyTestReport.render(results, verbose));
    if (results.isEmpty() && failOnEmpty) {
      err.println("no tests were run");
      return 1;
    }
    boolean failed = results.stream().anyMatch(r -> !r.pass() && !(r.skip() && exitZeroOnSkipped));
    return failed ? FAILED : 0;
  }

  /** --run as Go's RE2 regexp, matched anywhere in the name. */
  private Pattern filter() throws CliFailure {
    if (run == null || run.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(run);
    } catch (PatternSyntaxException e) {
      throw new CliFailure(CliError.of("--run: invalid regular expression: " + e.getMessage()));
    }
  }
}
