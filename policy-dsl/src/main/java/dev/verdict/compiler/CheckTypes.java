package dev.verdict.compiler;

import dev.verdict.ast.Term;
import dev.verdict.builtins.Builtin;
import dev.verdict.error.RegoError;

/**
 * Checks every call against what it calls: the function or builtin must exist, and take the
 * given number of operands (or one more, the output operand of the call-as-relation form).
 */
final class CheckTypes implements Stage {

  @Override
  public String name() {
    return "check_types";
  }

  @Override
  public void run(CompileState state) {
    Arities arities = new Arities(state.builtins(), state.modules());
    for (CompiledRule r : state.rules()) {
      TermWalker.rule(r.rule(), t -> {
        if (t instanceof Term.Call c) {
          check(c, arities, state);
        }
      });
    }
  }

  static void check(Term.Call c, Arities arities, CompileState state) {
    String name = Names.of(c.operator());
    int n = c.args().size();
    if (SpecialForms.is(name)) {
      int want = SpecialForms.ARITY.get(name);
      if (want >= 0 && n != want) {
        state.error(RegoError.TYPE, c.location(), name + ": " + (n > want ? "too many" : "too few") + " arguments");
      }
      return;
    }
    if (arities.isFunction(name)) {
      int want = arities.applyAsInt(name);
      if (n != want && n != want + 1) {
        state.error(RegoError.TYPE, c.location(), name + ": " + (n > want ? "too many" : "too few") + " arguments");
      }
      return;
    }
    Builtin b = state.builtins().get(name);
    if (b == null) {
      state.error(RegoError.TYPE, c.location(), "undefined function " + name);
      return;
    }
    if (b.signature().variadic()) {
      return;
    }
    int want = b.signature().arity();
    if (n != want && n != want + 1) {
      state.error(RegoError.TYPE, c.location(), name + ": " + (n > want ? "too many" : "too few") + " arguments");
    }
  }
}
