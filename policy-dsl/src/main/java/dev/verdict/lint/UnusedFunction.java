package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.compiler.TermWalker;
import dev.verdict.value.StringValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A function no file calls or mocks. Matches by the function's last name segment across every
 * file, tests included, so an unrelated function of the same name elsewhere keeps it "used":
 * the check can miss, never accuse.
 */
final class UnusedFunction extends BaseRule {

  UnusedFunction() {
    super("unused-function", Category.bugs, Level.warning, "Function never called.");
  }

  @Override
  public void check(Policy policy, Report out) {
    Set<String> called = new HashSet<>();
    for (Module m : policy.modules()) {
      Ast.terms(m, (r, t) -> {
        if (t instanceof Term.Call c) {
          called.add(last(c.operator()));
        }
      });
      for (Rule r : m.rules()) {
        Ast.literals(r, l -> l.withs().forEach(w -> TermWalker.term(w.target(), t -> {
          if (t instanceof Term.Ref ref) {
            called.add(last(ref));
          }
        })));
      }
    }
    for (Module m : policy.modules()) {
      for (Rule r : m.rules()) {
        if (r.head().isFunction() && !called.contains(last(r.head().ref()))) {
          out.at(r.head().location(), "function " + Shape.of(r.head().ref()) + " is never called");
        }
      }
    }
  }

  /** The last name of a ref: {@code f} for {@code data.lib.f} or {@code lib.f}. */
  static String last(Term.Ref ref) {
    List<Term> path = ref.path();
    if (!path.isEmpty() && path.get(path.size() - 1) instanceof Term.Scalar s && s.value() instanceof StringValue str) {
      return str.value();
    }
    return ref.head() instanceof Term.Var v ? v.name() : "";
  }
}
