package dev.verdict.lint;

import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A body-less rule whose head iterates ({@code x := input.items[_]}): it defines a value per
 * element, so a second element raises a conflict at run time.
 */
final class TopLevelIteration extends BaseRule {

  TopLevelIteration() {
    super("top-level-iteration", Category.bugs, Level.error, "Iteration in the head of a rule without a body.");
  }

  @Override
  public void check(Policy policy, Report out) {
    for (Module m : policy.modules()) {
      Set<String> globals = policy.globals(m);
      for (Rule r : m.rules()) {
        if (!Ast.implicitBody(r) || r.head().value() == null || r.head().key() != null) {
          continue;
        }
        Set<String> bound = new HashSet<>(globals);
        if (r.head().args() != null) {
          r.head().args().forEach(a -> bound.addAll(Ast.vars(a)));
        }
        Term.Ref loop = loop(r.head().value(), bound);
        if (loop != null) {
          out.at(loop.location(), "rule " + Ast.name(r) + " iterates over " + Shape.of(loop) + " without a body");
        }
      }
    }
  }

  /** The first ref with an unbound var in its path, outside comprehensions (which bind their own vars). */
  private static Term.Ref loop(Term t, Set<String> bound) {
    if (t instanceof Term.Ref ref && ref.path().stream().anyMatch(p -> p instanceof Term.Var v && !bound.contains(v.name()))) {
      return ref;
    }
    List<Term> inner = switch (t) {
      case Term.Ref ref -> ref.path();
      case Term.ArrayTerm a -> a.elements();
      case Term.SetTerm s -> s.elements();
      case Term.ObjectTerm o -> o.items().stream().flatMap(i -> Stream.of(i.key(), i.value())).toList();
      case Term.Call c -> c.args();
      default -> List.of();
    };
    for (Term i : inner) {
      Term.Ref found = loop(i, bound);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
