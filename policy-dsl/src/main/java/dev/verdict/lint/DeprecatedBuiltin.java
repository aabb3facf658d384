package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.builtins.Builtin;

/** Calls of builtins the registry marks deprecated ({@code re_match}, {@code set_diff}, …): v1 mode refuses some of them. */
final class DeprecatedBuiltin extends CallRule {

  DeprecatedBuiltin() {
    super("deprecated-builtin", Category.bugs, Level.warning, "Call of a deprecated builtin.");
  }

  @Override
  String report(Policy policy, Module m, String op) {
    Builtin b = policy.builtins().get(op);
    return b != null && b.deprecated() ? "builtin " + op + " is deprecated" : null;
  }
}
