package dev.verdict.eval;

import dev.verdict.ast.Body;
import dev.verdict.builtins.Builtin;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.compiler.Arities;
import dev.verdict.compiler.CompileState;
import dev.verdict.compiler.CompiledRule;
import dev.verdict.compiler.Compiler;
import dev.verdict.compiler.RuleTree;
import dev.verdict.error.RegoError;
import dev.verdict.tree.Condition;
import dev.verdict.tree.Conditions;
import dev.verdict.tree.DecisionTree;
import dev.verdict.tree.GlobMatcher;
import dev.verdict.tree.IndexedRef;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled policies ready to evaluate: the virtual document tree with every rule root's rules
 * planned and indexed, and every function planned. Immutable and thread-safe once built; each
 * evaluation gets its own state.
 */
public final class Program {

  final CompileState compiled;
  final BuiltinRegistry builtins;
  final Arities arities;
  final Map<String, FunctionSet> functions = new HashMap<>();
  final DocNode root;
  /** Where coverage probes report; null (no probes planned) unless coverage was asked for. */
  final CoverageCollector coverage;
  private final Builtin glob;
  private int ruleSets;

  private Program(CompileState compiled, CoverageCollector coverage) {
    this.compiled = compiled;
    this.coverage = coverage;
    this.builtins = compiled.builtins();
    this.arities = new Arities(builtins, compiled.modules());
    this.glob = builtins.get("glob.match");
    this.root = shell(compiled.tree().root());
  }

  public static Program build(CompileState compiled) {
    return build(compiled, null);
  }

  /**
   * Plans the compiled policies; with a collector, every expression and rule head also gets a
   * {@link CoverageProbe} reporting to it (a separate plan: without one there are no probes).
   */
  public static Program build(CompileState compiled, CoverageCollector coverage) {
    Program p = new Program(compiled, coverage);
    p.plan(compiled.tree().root(), p.root);
    return p;
  }

  /** Mirrors the rule tree; function sets exist (empty) before anything is planned, so calls can link to them. */
  private DocNode shell(RuleTree.Node n) {
    Map<Value, DocNode> children = new LinkedHashMap<>();
    for (Map.Entry<Value, RuleTree.Node> c : n.children().entrySet()) {
      children.put(c.getKey(), shell(c.getValue()));
    }
    DocNode d = new DocNode(n.path(), children, !n.rules().isEmpty());
    if (!n.functions().isEmpty()) {
      d.function = new FunctionSet(d.name, n.functions().get(0).rule().head().args().size());
      functions.put(d.name, d.function);
    }
    return d;
  }

  private void plan(RuleTree.Node n, DocNode d) {
    defineFunction(n, d);
    if (!n.rules().isEmpty()) {
      d.rules = ruleSet(n, d);
      planFunctionsBelow(n, d);
      return;
    }
    for (Map.Entry<Value, RuleTree.Node> c : n.children().entrySet()) {
      plan(c.getValue(), d.children.get(c.getKey()));
    }
  }

  private void planFunctionsBelow(RuleTree.Node n, DocNode d) {
    for (Map.Entry<Value, RuleTree.Node> c : n.children().entrySet()) {
      DocNode child = d.children.get(c.getKey());
      defineFunction(c.getValue(), child);
      planFunctionsBelow(c.getValue(), child);
    }
  }

  private void defineFunction(RuleTree.Node n, DocNode d) {
    if (d.function == null) {
      return;
    }
    List<RulePlan> plans = new ArrayList<>();
    List<RulePlan> defaults = new ArrayList<>();
    for (CompiledRule r : n.functions()) {
      (r.isDefault() ? defaults : plans).add(new Planner(this).rule(r, r.rule(), new Value[0]));
    }
    d.function.define(plans.toArray(new RulePlan[0]), defaults.toArray(new RulePlan[0]));
  }

  /** All rules at and below a rule root, planned with their paths relative to it. */
  private RuleSet ruleSet(RuleTree.Node n, DocNode d) {
    List<RulePlan> rules = new ArrayList<>();
    List<RulePlan> defaults = new ArrayList<>();
    collect(n, n.path().size(), rules, defaults);
    RuleSet.Mode mode = mode(rules, defaults);
    List<Map<IndexedRef, Condition>> conditions = new ArrayList<>();
    boolean indexable = false;
    for (RulePlan r : rules) {
      Map<IndexedRef, Condition> c = r.elsePlan != null ? null : Conditions.of(r.rule.rule().body(), compiled.tree()::isBaseOnly);
      if (c != null && glob == null) {
        c.values().removeIf(x -> x instanceof Condition.Glob);
      }
      indexable |= c != null && !c.isEmpty();
      conditions.add(c);
    }
    DecisionTree index = indexable && rules.size() > 1 ? DecisionTree.build(conditions) : null;
    return new RuleSet(ruleSets++, d, mode, rules.toArray(new RulePlan[0]), defaults.toArray(new RulePlan[0]), index);
  }

  private void collect(RuleTree.Node n, int rootDepth, List<RulePlan> rules, List<RulePlan> defaults) {
    Value[] rel = n.path().subList(rootDepth, n.path().size()).toArray(new Value[0]);
    for (CompiledRule r : n.rules()) {
      RulePlan plan = new Planner(this).rule(r, r.rule(), rel);
      (r.isDefault() ? defaults : rules).add(plan);
    }
    for (RuleTree.Node c : n.children().values()) {
      collect(c, rootDepth, rules, defaults);
    }
  }

  private static RuleSet.Mode mode(List<RulePlan> rules, List<RulePlan> defaults) {
    boolean complete = true;
    boolean set = defaults.isEmpty();
    for (List<RulePlan> group : List.of(rules, defaults)) {
      for (RulePlan r : group) {
        boolean atRoot = r.relPath.length == 0 && r.suffix.length == 0;
        complete &= atRoot && r.key == null;
        set &= atRoot && r.key != null;
      }
    }
    return complete ? RuleSet.Mode.COMPLETE : set && !rules.isEmpty() ? RuleSet.Mode.SET : RuleSet.Mode.TREE;
  }

  int ruleSetCount() {
    return ruleSets;
  }

  GlobMatcher globs(Ev ev) {
    return (pattern, delimiters, subject) ->
        BuiltinCall.apply(ev, glob, new Value[] {StringValue.of(pattern), delimiters, StringValue.of(subject)}, ev.location)
            == BooleanValue.TRUE;
  }

  /** Compiles and plans an ad-hoc query once, to run many times. */
  public PreparedQuery prepare(Body query) {
    Body ordered = Compiler.compileQuery(query, compiled);
    Planner planner = new Planner(this);
    Step first = planner.query(ordered, new Step.Yield());
    return new PreparedQuery(this, query.location(), first, planner.frameSize(), planner.slots());
  }

  /**
   * The document at {@code data.path} for one input (null when undefined), and whether it may be
   * reused for an equal input.
   *
   * @throws EvalException on conflicts, strict builtin errors and limits
   */
  public Evaluation eval(DataRef path, Value data, EvalOptions options) {
    Ev ev = new Ev(this, data, options);
    try {
      // Not through guard: a capturing lambda per decision shows at this scale.
      Value v = path.get(ev);
      return new Evaluation(v, !ev.nondeterministic);
    } catch (StackOverflowError e) {
      throw tooDeep(ev);
    } catch (OutOfMemoryError e) {
      throw outOfMemory(ev);
    }
  }

  /** The document {@code data.path…}, resolved once against the rule tree, to evaluate many times. */
  public DataRef dataRef(Value[] path) {
    return DataRef.of(root, path);
  }

  /**
   * @param value the document, or null when undefined
   * @param deterministic false when a nondeterministic builtin ran ({@code time.now_ns}, {@code rand.intn}, …)
   */
  public record Evaluation(Value value, boolean deterministic) {}

  static <T> T guard(Ev ev, java.util.function.Supplier<T> run) {
    try {
      return run.get();
    } catch (StackOverflowError e) {
      throw tooDeep(ev);
    } catch (OutOfMemoryError e) {
      throw outOfMemory(ev);
    }
  }

  /** Whether rules (not only functions) are defined at, above or below {@code path}. */
  public boolean hasRules(List<Value> path) {
    return !compiled.tree().isBaseOnly(path);
  }

  private static EvalException tooDeep(Ev ev) {
    return new EvalException(RegoError.EVAL_CANCEL, "evaluation exceeded the maximum nesting depth", ev.location);
  }

  /**
   * A value too large to build (a string doubled rule by rule): unwinding drops the query's
   * memory, so the query fails like one past its limits and the process carries on.
   */
  private static EvalException outOfMemory(Ev ev) {
    return new EvalException(RegoError.EVAL_CANCEL, "evaluation exceeded the available memory", ev.location);
  }

  /** The decision tree of the rule root at {@code path}, for {@code verdict explain}; null when none. */
  public RuleSetView explain(List<Value> path) {
    DocNode d = root;
    for (Value k : path) {
      if (d.rules != null) {
        break;
      }
      d = d.children.get(k);
      if (d == null) {
        return null;
      }
    }
    return d.rules == null ? null : new RuleSetView(d.rules);
  }
}
