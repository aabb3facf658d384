package dev.verdict.cli;

import dev.verdict.PolicySet;
import dev.verdict.ast.Body;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.builtins.Builtin;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.error.RegoException;
import dev.verdict.eval.EvalOptions;
import dev.verdict.eval.PreparedQuery;
import dev.verdict.load.DataFiles;
import dev.verdict.load.LoadException;
import dev.verdict.load.Workspace;
import dev.verdict.parser.Parser;
import dev.verdict.value.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code verdict eval}: evaluates a query against policies and data and prints the result as
 * {@code opa eval} does. Exit 0; 1 with {@code --fail} when undefined or {@code --fail-defined}
 * when defined; 2 on errors (opa's codes).
 */
@Command(
    name = "eval",
    description = "Evaluate a Rego query and print the result.",
    sortOptions = false)
final class EvalCommand implements Callable<Integer> {

  static final int ERROR = 2;

  /** The file name the engine gives the query; opa reports query errors with an empty one. */
  private static final String QUERY_FILE = "query";

  @ParentCommand VerdictCli root;

  @Spec CommandSpec spec;

  @Mixin DataPaths data;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Input document (JSON, or YAML by extension).")
  Path input;

  @Option(names = {"-I", "--stdin-input"}, description = "Read the input document (JSON) from stdin.")
  boolean stdinInput;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  EvalOutput.Format format;

  @ArgGroup(exclusive = true)
  Fail fail = new Fail();

  @Option(names = "--strict-builtin-errors", description = "Treat the first builtin error as fatal.")
  boolean strictBuiltinErrors;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = GoDuration.Converter.class,
      description = "Stop evaluating after this long, e.g. 500ms, 10s (default: no limit).")
  Duration timeout = Duration.ZERO;

  @Option(
      names = "--pretty-limit",
      paramLabel = "N",
      defaultValue = "80",
      description = "Cut values in the pretty table after N characters (default: ${DEFAULT-VALUE}).")
  int prettyLimit;

  @Mixin LoadOptions load;

  @Parameters(paramLabel = "QUERY", description = "The query, e.g. data.app.allow or 'x := input.user'.")
  String query;

  /** --fail and --fail-defined exclude each other. */
  static final class Fail {
    @Option(names = "--fail", description = "Exit 1 when the result is undefined.")
    boolean undefined;

    @Option(names = "--fail-defined", description = "Exit 1 when the result is defined.")
    boolean defined;
  }

  @Override
  public Integer call() {
    if (input != null && stdinInput) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--input and --stdin-input exclude each other");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EvalOutput output = new EvalOutput(format, prettyLimit);
    try {
      Value inputDoc = readInput();
      PolicySet policies = load.compile(load.load(data.paths, Workspace.Scope.ALL));
      QueryPlan plan = QueryPlan.of(query, parse(query), functions(policies));
      List<QueryPlan.Solution> solutions = evaluate(policies, plan, options(inputDoc, err));
      output.results(plan.expressions(), solutions, out);
      boolean defined = !solutions.isEmpty();
      return (fail.undefined && !defined) || (fail.defined && defined) ? 1 : 0;
    } catch (CliFailure f) {
      output.errors(f.errors(), out, err);
      return ERROR;
    }
  }

  private Value readInput() throws CliFailure {
    try {
      if (stdinInput) {
        return DataFiles.parse("stdin", root.stdin().readAllBytes(), false);
      }
      if (input == null) {
        return null;
      }
      String name = input.toString();
      return DataFiles.parse(name, DataFiles.readBytes(input, name), DataFiles.isYaml(name));
    } catch (IOException e) {
      throw new CliFailure(CliError.of("stdin: " + DataFiles.describe(e)));
    } catch (LoadException e) {
      throw new CliFailure(e);
    }
  }

  private Body parse(String text) throws CliFailure {
    try {
      return Parser.parseQuery(QUERY_FILE, text, load.version());
    } catch (RegoException e) {
      throw queryFailure(e, UnaryOperator.identity());
    }
  }

  /** print() goes to stderr, as with opa; no timeout unless asked (opa's default). */
  private EvalOptions options(Value inputDoc, PrintWriter err) {
    return EvalOptions.builder()
        .input(inputDoc)
        .strictBuiltinErrors(strictBuiltinErrors)
        .timeout(timeout)
        .printer(err::println)
        .build();
  }

  /**
   * Runs the rewritten query; errors are reported where the user's text has them. The query as
   * written is compiled first, so its compile errors are exactly the user's (an unsafe {@code x}
   * would otherwise also make the generated variable bound to it unsafe).
   */
  private List<QueryPlan.Solution> evaluate(PolicySet policies, QueryPlan plan, EvalOptions options)
      throws CliFailure {
    try {
      policies.prepare(query);
    } catch (RegoException e) {
      throw queryFailure(e, UnaryOperator.identity());
    }
    try {
      PreparedQuery prepared = policies.prepare(plan.rewritten());
      List<QueryPlan.Solution> solutions = new ArrayList<>();
      for (Map<String, Value> bound : policies.run(prepared, options)) {
        solutions.add(plan.solution(bound));
      }
      return solutions;
    } catch (RegoException e) {
      throw queryFailure(e, plan::original);
    }
  }

  /** Errors located in the query as the user wrote it, with opa's empty file name for the query. */
  private static CliFailure queryFailure(RegoException e, UnaryOperator<Location> toOriginal) {
    List<CliError> errors = new ArrayList<>();
    for (CliError ce : CliError.of(e.errors())) {
      if (ce.location() != null && QUERY_FILE.equals(ce.location().file())) {
        Location at = toOriginal.apply(ce.location());
        ce = new CliError(ce.code(), ce.message(), new Location("", at.row(), at.col()));
      }
      errors.add(ce);
    }
    return new CliFailure(errors);
  }

  /** Builtin arities, and the arities of the policies' functions by full name ({@code data.lib.f}). */
  static QueryPlan.Functions functions(PolicySet policies) {
    BuiltinRegistry builtins = BuiltinRegistry.standard();
    Map<String, Integer> user = new HashMap<>();
    for (Module m : policies.modules()) {
      String pkg = String.join(".", RefText.groundKeys(m.pkg().path(), true));
      for (Rule r : m.rules()) {
        if (r.head().isFunction()) {
          user.put(pkg + "." + String.join(".", RefText.groundKeys(r.head().ref(), true)), r.head().args().size());
        }
      }
    }
    return new QueryPlan.Functions() {
      @Override
      public int arity(String name) {
        Builtin b = builtins.get(name);
        return user.getOrDefault(name, b != null ? b.signature().arity() : -1);
      }

      @Override
      public boolean isRelation(String name) {
        Builtin b = builtins.get(name);
        return b != null && b.relation();
      }
    };
  }
}
