package dev.verdict.lint;

import dev.verdict.SourceFile;
import dev.verdict.ast.Comment;
import dev.verdict.ast.Location;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.compiler.CompileState;
import dev.verdict.compiler.Compiler;
import dev.verdict.error.RegoError;
import dev.verdict.error.RegoException;
import dev.verdict.parser.Parser;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and compiles the policies, runs every enabled rule, and drops what is configured or marked to ignore. */
public final class Linter {

  /** Every rule, each documented at {@code docs/lint/<id>.md}. */
  public static final List<LintRule> RULES = List.of(
      new ConflictingRuleValues(),
      new UnusedRule(),
      new UnusedFunction(),
      new UnusedVariable(),
      new UnknownDataRef(),
      new RuleShadowsBuiltin(),
      new VarShadowsBuiltin(),
      new DenyWithoutReason(),
      new DecisionWithoutDefault(),
      new DeprecatedBuiltin(),
      new ConstantCondition(),
      new TopLevelIteration(),
      new DuplicateRule(),
      new LeakedInternalReference(),
      new LineLength(),
      new PreferSnakeCase(),
      new TodoComment(),
      new UseAssignmentOperator(),
      new YodaCondition(),
      new MessyRule(),
      new OpaFmt(),
      new PreferIn(),
      new CompareToTrue(),
      new NotOfComparison(),
      new InputInFunction(),
      new UnusedImport(),
      new RedundantFutureImport(),
      new AvoidImportingInput(),
      new RedundantAlias(),
      new PrintCall(),
      new TestOutsideTestFile(),
      new TodoTest(),
      new IdenticallyNamedTests(),
      new UnindexableRule(),
      new NonLoopExpression());

  private static final Pattern IGNORE = Pattern.compile("verdict:ignore\\s+([\\w\\-]+(?:[\\s,]+[\\w\\-]+)*)");

  private Linter() {}

  /**
   * @throws RegoException with every parse or compile error: a policy that does not compile is
   *     not linted
   */
  public static List<Finding> lint(List<SourceFile> files, Value data, RegoVersion version, LintConfig config) {
    List<Module> modules = new ArrayList<>();
    List<RegoError> errors = new ArrayList<>();
    for (SourceFile f : files) {
      try {
        modules.add(Parser.parseModule(f.name(), f.text(), version));
      } catch (RegoException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new RegoException(errors);
    }
    CompileState compiled = Compiler.compile(modules, BuiltinRegistry.standard());
    Policy policy = new Policy(files, modules, compiled, data);
    Map<String, Map<Integer, Set<String>>> suppressed = suppressions(modules);
    List<Finding> out = new ArrayList<>();
    for (LintRule rule : RULES) {
      Optional<Level> level = config.level(rule);
      if (level.isEmpty()) {
        continue;
      }
      rule.check(policy, (at, message) -> {
        if (!config.ignores(at.file()) && !isSuppressed(suppressed, at, rule.id())) {
          out.add(new Finding(rule, level.get(), at, message));
        }
      });
    }
    out.sort(Comparator.comparing((Finding f) -> f.location().file())
        .thenComparingInt(f -> f.location().row())
        .thenComparingInt(f -> f.location().col())
        .thenComparing(f -> f.rule().id()));
    return out;
  }

  /** Per file and row, the rules a {@code # verdict:ignore id…} comment there names. */
  private static Map<String, Map<Integer, Set<String>>> suppressions(List<Module> modules) {
    Map<String, Map<Integer, Set<String>>> out = new HashMap<>();
    for (Module m : modules) {
      for (Comment c : m.comments()) {
        Matcher matcher = IGNORE.matcher(c.text());
        if (matcher.find()) {
          out.computeIfAbsent(m.file(), k -> new HashMap<>())
              .computeIfAbsent(c.location().row(), k -> new HashSet<>())
              .addAll(List.of(matcher.group(1).split("[\\s,]+")));
        }
      }
    }
    return out;
  }

  /** True when the finding's line or the line above carries an ignore comment naming the rule. */
  private static boolean isSuppressed(Map<String, Map<Integer, Set<String>>> suppressed, Location at, String id) {
    Map<Integer, Set<String>> rows = suppressed.getOrDefault(at.file(), Map.of());
    return rows.getOrDefault(at.row(), Set.of()).contains(id) || rows.getOrDefault(at.row() - 1, Set.of()).contains(id);
  }
}
