package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.value.BooleanValue;
import java.util.HashSet;
import java.util.Set;

/**
 * A boolean {@code allow} or {@code deny} without {@code default}: when no body holds the
 * decision is undefined, which callers easily read as neither allowed nor denied.
 */
final class DecisionWithoutDefault extends BaseRule {

  DecisionWithoutDefault() {
    super("decision-without-default", Category.bugs, Level.warning, "allow/deny decision without a default.");
  }

  @Override
  public void check(Policy policy, Report out) {
    Set<String> reported = new HashSet<>();
    for (Module m : policy.modules()) {
      if (Ast.isTestFile(m.file())) {
        continue;
      }
      for (Rule r : m.rules()) {
        if (isDecision(r) && !hasDefault(policy, m, Ast.name(r)) && reported.add(Shape.of(m.pkg().path()) + "." + Ast.name(r))) {
          out.at(r.head().location(), Ast.name(r) + " has no default: write default " + Ast.name(r) + " := false");
        }
      }
    }
  }

  private static boolean isDecision(Rule r) {
    return (Ast.name(r).equals("allow") || Ast.name(r).equals("deny"))
        && r.head().ref().path().isEmpty()
        && !r.head().isFunction()
        && r.head().key() == null
        && r.head().value() instanceof Term.Scalar s
        && s.value() instanceof BooleanValue;
  }

  private static boolean hasDefault(Policy policy, Module m, String name) {
    return policy.samePackage(m).stream().flatMap(o -> o.rules().stream()).anyMatch(r -> r.isDefault() && Ast.name(r).equals(name));
  }
}
