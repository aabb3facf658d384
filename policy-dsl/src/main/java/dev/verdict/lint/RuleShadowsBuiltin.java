package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.builtins.Builtin;
import java.util.HashSet;
import java.util.Set;

/** A rule named like a builtin ({@code count}, {@code time}): calls of the builtin in its package stop working or confuse. */
final class RuleShadowsBuiltin extends BaseRule {

  RuleShadowsBuiltin() {
    super("rule-shadows-builtin", Category.bugs, Level.error, "Rule named like a builtin function or namespace.");
  }

  @Override
  public void check(Policy policy, Report out) {
    Set<String> names = builtinNames(policy);
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        if (names.contains(Ast.name(r))) {
          out.at(r.head().location(), "rule " + Ast.name(r) + " shadows the builtin " + Ast.name(r));
        }
      }
    }
  }

  /** Each builtin's name and, for dotted names, its namespace ({@code time} for {@code time.now_ns}). */
  static Set<String> builtinNames(Policy policy) {
    Set<String> out = new HashSet<>();
    for (Builtin b : policy.builtins().all()) {
      out.add(b.name());
      out.add(b.name().split("\\.", 2)[0]);
    }
    return out;
  }
}
