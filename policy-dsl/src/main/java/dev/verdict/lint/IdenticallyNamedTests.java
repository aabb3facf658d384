package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import java.util.HashMap;
import java.util.Map;

/** Two tests with one name in a package: they become one rule with two bodies, and the runner reports one result. */
final class IdenticallyNamedTests extends BaseRule {

  IdenticallyNamedTests() {
    super("identically-named-tests", Category.testing, Level.error, "Two tests with the same name in a package.");
  }

  @Override
  public void check(Policy policy, Report out) {
    Map<String, Rule> seen = new HashMap<>();
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        if (!Ast.isTestRule(r)) {
          continue;
        }
        Rule first = seen.putIfAbsent(Shape.of(m.pkg().path()) + "." + Ast.name(r), r);
        if (first != null) {
          out.at(r.head().location(), "test " + Ast.name(r) + " is also defined at " + first.location());
        }
      }
    }
  }
}
