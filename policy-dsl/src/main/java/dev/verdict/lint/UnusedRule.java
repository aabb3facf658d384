package dev.verdict.lint;

import dev.verdict.ast.Annotation;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import java.util.HashSet;
import java.util.Set;

/**
 * A rule nothing refers to, where "nothing" can be known: any rule can be queried from outside,
 * so only rules that are not entrypoints count: those named {@code _…} (private by convention),
 * and, in a package that marks its entrypoints ({@code # METADATA} {@code entrypoint: true}), the
 * rules not marked. Tests and names used anywhere (any file, any package) keep a rule.
 */
final class UnusedRule extends BaseRule {

  UnusedRule() {
    super("unused-rule", Category.bugs, Level.warning, "Rule that is not an entrypoint and is never referenced.");
  }

  @Override
  public void check(Policy policy, Report out) {
    Set<String> used = new HashSet<>();
    for (Module m : policy.modules()) {
      Ast.terms(m, (r, t) -> {
        switch (t) {
          case Term.Var v -> used.add(v.name());
          case Term.Scalar s when s.value() instanceof StringValue str -> used.add(str.value());
          default -> {}
        }
      });
      m.imports().forEach(i -> used.add(UnusedFunction.last(i.path())));
    }
    for (Module m : policy.modules()) {
      boolean marked = policy.samePackage(m).stream().flatMap(o -> o.rules().stream()).anyMatch(UnusedRule::entrypoint);
      Set<String> reported = new HashSet<>();
      for (Rule r : m.rules()) {
        String name = Ast.name(r);
        boolean candidate = name.startsWith("_") || marked && !entrypoint(r);
        if (candidate && !r.head().isFunction() && !Ast.isTestRule(r) && !used.contains(name) && reported.add(name)) {
          out.at(r.head().location(), "rule " + name + " is not an entrypoint and nothing refers to it");
        }
      }
    }
  }

  private static boolean entrypoint(Rule r) {
    for (Annotation a : r.annotations()) {
      if (a.content().get("entrypoint") == BooleanValue.TRUE) {
        return true;
      }
    }
    return false;
  }
}
