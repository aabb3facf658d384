package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Term;

/** The shape of rules that look at every call of a module: report the calls {@link #report} picks. */
abstract class CallRule extends BaseRule {

  CallRule(String id, Category category, Level level, String summary) {
    super(id, category, level, summary);
  }

  @Override
  public final void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Ast.terms(m, (r, t) -> {
        if (t instanceof Term.Call c) {
          String message = report(policy, m, Ast.op(c));
          if (message != null) {
            out.at(c.location(), message);
          }
        }
      });
    }
  }

  /** The finding's message for a call of {@code op} in {@code m}, or null. */
  abstract String report(Policy policy, Module m, String op);
}
