package dev.verdict.compiler;

import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Decides when a literal can run: given the vars already bound, either the set of vars it will
 * bind, or null when one of its inputs is still unbound. The safety stage orders bodies with it;
 * the planner replays it to know, at each literal, which vars are bound.
 */
public final class Schedule {

  private final VarRoles roles;
  private final ToIntFunction<String> arity;

  /**
   * @param outer names visible around the body (comprehension vars among them are inputs)
   * @param arity declared operand count of a function or builtin by its resolved name; -1 if unknown
   */
  public Schedule(Set<String> outer, ToIntFunction<String> arity) {
    this.roles = new VarRoles(outer);
    this.arity = arity;
  }

  public VarRoles roles() {
    return roles;
  }

  /**
   * The vars {@code l} binds when run with {@code bound} bound, or null if it cannot run yet.
   *
   * @param elsewhere vars the body uses outside this literal; a negated literal's other vars are
   *     its own
   */
  public Set<String> outputs(Literal l, Set<String> bound, Set<String> elsewhere) {
    Set<String> needs = new LinkedHashSet<>();
    for (With w : l.withs()) {
      roles.inputs(w.value(), needs);
    }
    if (!bound.containsAll(needs)) {
      return null;
    }
    if (l.negated()) {
      Set<String> own = Vars.ofLiteral(l, roles.outer());
      for (String v : own) {
        if (!bound.contains(v) && (elsewhere.contains(v) || roles.outer().contains(v))) {
          return null;
        }
      }
      return exprOutputs(l.expr(), bound) == null ? null : Set.of();
    }
    return exprOutputs(l.expr(), bound);
  }

  private Set<String> exprOutputs(Expr e, Set<String> bound) {
    return switch (e) {
      case Expr.SomeDecl s -> Set.of();
      case Expr.SomeIn s -> {
        Set<String> needs = roles.inputs(s.collection());
        if (s.key() != null) {
          needs.addAll(roles.patternInputs(s.key()));
        }
        needs.addAll(roles.patternInputs(s.value()));
        if (!bound.containsAll(needs)) {
          yield null;
        }
        Set<String> out = roles.refOutputs(s.collection());
        if (s.key() != null) {
          out.addAll(VarRoles.patternVars(s.key()));
        }
        out.addAll(VarRoles.patternVars(s.value()));
        yield unbound(out, bound);
      }
      case Expr.Every ev -> {
        Set<String> needs = roles.inputs(ev.domain());
        Set<String> captured = roles.captured(ev.body());
        if (ev.key() != null) {
          captured.removeAll(VarRoles.patternVars(ev.key()));
        }
        captured.removeAll(VarRoles.patternVars(ev.value()));
        needs.addAll(captured);
        yield bound.containsAll(needs) ? unbound(roles.refOutputs(ev.domain()), bound) : null;
      }
      case Expr.TermExpr t -> termOutputs(t.term(), bound);
    };
  }

  private Set<String> termOutputs(Term t, Set<String> bound) {
    if (t instanceof Term.Call c) {
      if (Declarations.isEq(c) || Declarations.isAssign(c)) {
        return unify(c.args().get(0), c.args().get(1), bound);
      }
      int n = arity.applyAsInt(Names.of(c.operator()));
      if (n >= 0 && c.args().size() == n + 1) {
        Term out = c.args().get(n);
        Set<String> needs = new LinkedHashSet<>();
        for (Term a : c.args().subList(0, n)) {
          roles.inputs(a, needs);
        }
        needs.addAll(roles.patternInputs(out));
        if (!bound.containsAll(needs)) {
          return null;
        }
        Set<String> outs = VarRoles.patternVars(out);
        for (Term a : c.args()) {
          roles.refOutputs(a, outs);
        }
        return unbound(outs, bound);
      }
    }
    // As in OPA, a var that a ref key in the same expression binds is no input: foo == xs[foo].
    Set<String> outs = roles.refOutputs(t);
    Set<String> needs = roles.inputs(t);
    needs.removeAll(outs);
    return bound.containsAll(needs) ? unbound(outs, bound) : null;
  }

  /** What {@code a = b} binds: one side may be a pattern with unbound vars if the other is ready. */
  public Set<String> unify(Term a, Term b, Set<String> bound) {
    Set<String> needs = roles.patternInputs(a);
    needs.addAll(roles.patternInputs(b));
    if (!bound.containsAll(needs)) {
      return decompose(a, b, bound);
    }
    Set<String> outA = unbound(VarRoles.patternVars(a), bound);
    Set<String> outB = unbound(VarRoles.patternVars(b), bound);
    if (!outA.isEmpty() && !outB.isEmpty()) {
      Set<String> d = decompose(a, b, bound);
      if (d != null) {
        return d;
      }
      if (!(a instanceof Term.Var va && b instanceof Term.Var vb && va.name().equals(vb.name()))) {
        return null;
      }
    }
    Set<String> out = new LinkedHashSet<>(outA);
    out.addAll(outB);
    roles.refOutputs(a, out);
    roles.refOutputs(b, out);
    return unbound(out, bound);
  }

  /** Element-wise unification of two arrays (or objects with the same scalar keys). */
  private Set<String> decompose(Term a, Term b, Set<String> bound) {
    List<Term[]> pairs = pairs(a, b);
    if (pairs == null) {
      return null;
    }
    Set<String> now = new LinkedHashSet<>(bound);
    Set<String> out = new LinkedHashSet<>();
    boolean progress = true;
    while (!pairs.isEmpty() && progress) {
      progress = false;
      for (int i = 0; i < pairs.size(); i++) {
        Set<String> o = unify(pairs.get(i)[0], pairs.get(i)[1], now);
        if (o != null) {
          now.addAll(o);
          out.addAll(o);
          pairs.remove(i);
          progress = true;
          break;
        }
      }
    }
    return pairs.isEmpty() ? out : null;
  }

  private static List<Term[]> pairs(Term a, Term b) {
    if (a instanceof Term.ArrayTerm x && b instanceof Term.ArrayTerm y && x.elements().size() == y.elements().size()) {
      List<Term[]> out = new java.util.ArrayList<>();
      for (int i = 0; i < x.elements().size(); i++) {
        out.add(new Term[] {x.elements().get(i), y.elements().get(i)});
      }
      return out;
    }
    if (a instanceof Term.ObjectTerm x && b instanceof Term.ObjectTerm y && x.items().size() == y.items().size()) {
      List<Term[]> out = new java.util.ArrayList<>();
      for (Term.ObjectTerm.Item i : x.items()) {
        Term match = null;
        for (Term.ObjectTerm.Item j : y.items()) {
          if (i.key() instanceof Term.Scalar ki && j.key() instanceof Term.Scalar kj && ki.value().equals(kj.value())) {
            match = j.value();
          }
        }
        if (match == null) {
          return null;
        }
        out.add(new Term[] {i.value(), match});
      }
      return out;
    }
    return null;
  }

  private static Set<String> unbound(Set<String> vars, Set<String> bound) {
    Set<String> out = new LinkedHashSet<>(vars);
    out.removeAll(bound);
    return out;
  }
}
