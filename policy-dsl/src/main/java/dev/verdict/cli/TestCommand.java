package dev.verdict.cli;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.verdict.PolicySet;
import dev.verdict.SourceFile;
import dev.verdict.ast.Module;
import dev.verdict.eval.CoverageCollector;
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
 *
 * <p>With {@code --coverage} (or a {@code --threshold}), the tests run against the policies planned
 * with coverage probes and the output is opa's JSON coverage report instead of the test report:
 * a failing test prints its line (or error) on stderr and exits 1 with no report; coverage below
 * the threshold prints opa's message on stderr (with {@code -v}, the lines not covered) and exits 2.
 */
@Command(
    name = "test",
    description = "Run Rego tests: rules named test_* (todo_test_* are reported as skipped).",
    footer = {
      "",
      "With --coverage the output is opa's JSON coverage report, whatever --format",
      "says: for each file (test files included) the rows evaluation reached",
      "(\"covered\") and the expression and rule-head rows it never reached",
      "(\"not_covered\"), their line counts and percentage, then the totals. A test",
      "that does not pass then prints its result on stderr and exits 1 with no",
      "report. --threshold N exits 2 with \"Code coverage threshold not met\" when",
      "total coverage is below N percent (-v also lists the lines not covered)."
    },
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

  @Option(
      names = {"-c", "--coverage"},
      description = "Report line coverage as JSON (opa's report) instead of the test results; --format is ignored.")
  boolean coverage;

  @Option(
      names = "--threshold",
      paramLabel = "PERCENT",
      defaultValue = "0",
      description = "Exit 2 when total coverage is below PERCENT (0 to 100); implies --coverage.")
  double threshold;

  @Mixin LoadOptions load;

  @Mixin PathArgs args;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(threshold >= 0 && threshold <= 100)) {
      err.println("Code coverage threshold must be between 0 and 100");
      return 1;
    }
    CoverageCollector collector = coverage || threshold > 0 ? new CoverageCollector() : null;
    List<TestResult> results;
    List<Module> modules;
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
      modules = policies.modules();
      TestRunner runner = new TestRunner(collector == null ? policies : policies.withCoverage(collector), timeout);
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
    if (collector != null) {
      return reportCoverage(results, modules, collector, out, err);
    }
    out.print(format.json() ? JsonTestReport.render(results) : PrettyTestReport.render(results, verbose));
    if (results.isEmpty() && failOnEmpty) {
      err.println("no tests were run");
      return 1;
    }
    boolean failed = results.stream().anyMatch(r -> !r.pass() && !(r.skip() && exitZeroOnSkipped));
    return failed ? FAILED : 0;
  }

  /**
   * As opa's coverage reporter: the first test that did not pass ends the run (exit 1, its result
   * or error on stderr; skipped tests pass over with {@code -z}, which opa ignores here), then the
   * report, or the threshold message instead of it.
   */
  private int reportCoverage(
      List<TestResult> results, List<Module> modules, CoverageCollector collector, PrintWriter out, PrintWriter err) {
    for (TestResult r : results) {
      if (!r.pass() && !(r.skip() && exitZeroOnSkipped)) {
        err.println(r.error() != null ? r.error().toString() : r.line());
        return 1;
      }
    }
    CoverageReport report = CoverageReport.of(modules, collector.hits());
    if (report.coverage() < threshold) {
      err.println(report.thresholdError(threshold, verbose));
      return FAILED;
    }
    out.print(JsonCoverageReport.render(report));
    if (results.isEmpty() && failOnEmpty) {
      err.println("no tests were run");
      return 1;
    }
    return 0;
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
