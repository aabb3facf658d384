package dev.verdict.cli;

import dev.verdict.PolicySet;
import dev.verdict.eval.RuleSetView;
import dev.verdict.load.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verdict explain}: prints the decision tree the rules at a path compile into (Verdict's
 * own command; opa has none). Exit 1 when the policies do not compile or no rules are there.
 */
@Command(
    name = "explain",
    description = "Print the decision tree of the rules at a path (data.app.allow or app/allow).",
    sortOptions = false)
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataPaths data;

  @Mixin LoadOptions load;

  @Parameters(paramLabel = "RULE_PATH", description = "The rules' path: data.app.allow or app/allow.")
  String path;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      PolicySet policies = load.compile(load.load(data.paths, Workspace.Scope.ALL));
      RuleSetView view = policies.explain(path);
      if (view == null) {
        err.println("no rules at " + displayPath(path) + (data.paths.isEmpty() ? " (no policies loaded: use -d PATH)" : ""));
        return 1;
      }
      out.print(view.render());
      return 0;
    } catch (CliFailure f) {
      err.println(ErrorReport.text(f.errors()));
      return 1;
    }
  }

  /** {@code app/allow} and {@code app.allow} as {@code data.app.allow}. */
  static String displayPath(String path) {
    String p = path.strip().replace('/', '.');
    while (p.startsWith(".")) {
      p = p.substring(1);
    }
    return p.equals("data") || p.startsWith("data.") ? p : "data." + p;
  }
}
