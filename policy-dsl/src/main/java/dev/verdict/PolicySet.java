package dev.verdict;

import dev.verdict.ast.Body;
import dev.verdict.ast.Module;
import dev.verdict.ast.RegoVersion;
import dev.verdict.compiler.CompileState;
import dev.verdict.eval.CoverageCollector;
import dev.verdict.eval.DataRef;
import dev.verdict.eval.EvalOptions;
import dev.verdict.eval.PreparedQuery;
import dev.verdict.eval.Program;
import dev.verdict.eval.RuleSetView;
import dev.verdict.parser.Parser;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled policies and the base data they evaluate against. Immutable and thread-safe: evaluate
 * from any number of threads; {@link #withData} gives a new set sharing the compiled policies.
 */
public final class PolicySet {

  /** Bounds the path cache when callers build paths from request data. */
  private static final int MAX_CACHED_TARGETS = 1024;

  private final Sources sources;
  private final CompileState compiled;
  private final Program program;
  private final Value data;
  private final String revision;
  /** Evaluated paths, resolved once each: callers ask for the same few documents again and again. */
  private final Map<String, DataRef> targets;

  PolicySet(Sources sources, CompileState compiled, Program program, Value data, String revision) {
    this(sources, compiled, program, data, revision, new ConcurrentHashMap<>());
  }

  private PolicySet(
      Sources sources,
      CompileState compiled,
      Program program,
      Value data,
      String revision,
      Map<String, DataRef> targets) {
    this.sources = sources;
    this.compiled = compiled;
    this.program = program;
    this.data = data;
    this.revision = revision;
    this.targets = targets;
  }

  /**
   * Evaluates the document at {@code path} ({@code "app/rbac/allow"}, {@code "app.rbac.allow"} or
   * {@code "data.app.rbac.allow"}) for one input.
   *
   * @throws dev.verdict.error.RegoException on evaluation errors (conflicts, strict builtin
   *     errors, deadline or step budget exceeded)
   */
  public Result eval(String path, Value input) {
    return eval(path, EvalOptions.builder().input(input).build());
  }

  public Result eval(String path, EvalOptions options) {
    long start = System.nanoTime();
    Program.Evaluation v = program.eval(target(path), data, options);
    return new Result(v.value(), System.nanoTime() - start, v.deterministic());
  }

  /** Parses, compiles and plans a query once; run it many times with {@link #run}. */
  public PreparedQuery prepare(String query) {
    Body body = Parser.parseQuery("query", query, RegoVersion.V1);
    return program.prepare(body);
  }

  /** Runs a prepared query against this set's data. */
  public List<Map<String, Value>> run(PreparedQuery query, EvalOptions options) {
    return query.run(data, options);
  }

  /** Parses, compiles and runs a query: one map of bindings per solution, empty when undefined. */
  public List<Map<String, Value>> query(String query, EvalOptions options) {
    return run(prepare(query), options);
  }

  /** A policy set with the same policies and other base data. */
  public PolicySet withData(Value newData) {
    return new PolicySet(sources, compiled, program, newData, revision, targets);
  }

  /**
   * The same policies and data, planned again with coverage probes: every evaluation through the
   * returned set marks in {@code collector} the rows of the expressions it reaches and the heads
   * of the rules whose bodies succeed (OPA's coverage tracer). This set is left as it was; its
   * plans have no probes, so evaluation that does not ask for coverage pays nothing for it.
   */
  public PolicySet withCoverage(CoverageCollector collector) {
    return new PolicySet(sources, compiled, Program.build(compiled, collector), data, revision);
  }

  private DataRef target(String path) {
    DataRef t = targets.get(path);
    if (t == null) {
      t = program.dataRef(parsePath(path));
      if (targets.size() < MAX_CACHED_TARGETS) {
        targets.put(path, t);
      }
    }
    return t;
  }

  /** A content hash of the sources and data; changes whenever either does. */
  public String revision() {
    return revision;
  }

  public Value data() {
    return data;
  }

  public Sources sources() {
    return sources;
  }

  /** The modules as compiled (refs resolved, bodies ordered). */
  public List<Module> modules() {
    return compiled.modules();
  }

  /**
   * Whether rules or base data give {@code path} a document, at least for some inputs: what tells
   * an unknown path from a known one whose answer is undefined.
   */
  public boolean defines(String path) {
    Value[] keys = parsePath(path);
    if (program.hasRules(List.of(keys))) {
      return true;
    }
    Value d = data;
    for (Value k : keys) {
      if (!(d instanceof ObjectValue o) || (d = o.get(k)) == null) {
        return false;
      }
    }
    return true;
  }

  /** The rule root at {@code path} with its decision tree, or null when no rules are there. */
  public RuleSetView explain(String path) {
    return program.explain(List.of(parsePath(path)));
  }

  /** Splits {@code a/b/c}, {@code a.b.c} or {@code data.a.b.c} into path keys. */
  static Value[] parsePath(String path) {
    String p = path.strip();
    if (p.equals("data")) {
      return new Value[0];
    }
    if (p.startsWith("data.")) {
      p = p.substring(5);
    }
    p = p.replace('.', '/');
    List<Value> keys = new ArrayList<>();
    for (String part : p.split("/")) {
      if (!part.isEmpty()) {
        keys.add(StringValue.of(part));
      }
    }
    return keys.toArray(new Value[0]);
  }
}
