package dev.verdict.lint;

import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;

/** The shape of rules that judge each literal on its own (nested bodies included): report what {@link #report} says. */
abstract class LiteralRule extends BaseRule {

  LiteralRule(String id, Category category, Level level, String summary) {
    super(id, category, level, summary);
  }

  @Override
  public final void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        Ast.literals(r, l -> {
          String message = report(policy, r, l);
          if (message != null) {
            out.at(l.location(), message);
          }
        });
      }
    }
  }

  /** The finding's message for literal {@code l} of rule {@code r}, or null. */
  abstract String report(Policy policy, Rule r, Literal l);
}
