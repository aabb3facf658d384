package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Module;
import dev.verdict.ast.Term;
import dev.verdict.builtins.BuiltinRegistry;
import dev.verdict.error.RegoException;
import java.util.List;

/**
 * Runs the named stages in order over parsed modules. Every stage runs even after errors, so
 * one compilation reports all the errors it can find; the result is returned only when there
 * are none.
 */
public final class Compiler {

  /** The stages, in the order they run. */
  public static final List<Stage> STAGES =
      List.of(
          new ResolveRefs(),
          new RewriteLocalVars(),
          new CheckSafety(),
          new BuildRuleTree(),
          new CheckRecursion(),
          new CheckTypes());

  private Compiler() {}

  /**
   * @throws RegoException listing every error found
   */
  public static CompileState compile(List<Module> modules, BuiltinRegistry builtins) {
    CompileState state = new CompileState(modules, builtins);
    for (Stage stage : STAGES) {
      stage.run(state);
    }
    if (state.failed()) {
      throw new RegoException(state.errors());
    }
    return state;
  }

  /**
   * Compiles an ad-hoc query against compiled modules: locals renamed, literals ordered for
   * safety, calls checked. Refs in a query are absolute ({@code data.…}, {@code input.…}).
   *
   * @throws RegoException listing every error found
   */
  public static Body compileQuery(Body query, CompileState compiled) {
    CompileState state = new CompileState(compiled.modules(), compiled.builtins());
    Arities arities = new Arities(compiled.builtins(), compiled.modules());
    Body renamed = RewriteLocalVars.query(query, state);
    Body ordered = new SafetyChecker(arities, state).query(renamed);
    TermWalker.body(ordered, t -> {
      if (t instanceof Term.Call c) {
        CheckTypes.check(c, arities, state);
      }
    });
    if (state.failed()) {
      throw new RegoException(state.errors());
    }
    return ordered;
  }
}
