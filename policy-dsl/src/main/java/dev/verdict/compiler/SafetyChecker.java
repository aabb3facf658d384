package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Head;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Location;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.error.RegoError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Orders each body so that every literal runs only after the vars it needs are bound (OPA's
 * "reorder for safety"): literals keep their written order unless an earlier one must wait.
 * Vars that no order can bind are reported as {@code rego_unsafe_var_error}, each once.
 */
public final class SafetyChecker {

  private final ToIntFunction<String> arity;
  private final CompileState errors;

  public SafetyChecker(ToIntFunction<String> arity, CompileState errors) {
    this.arity = arity;
    this.errors = errors;
  }

  public Rule rule(Rule r) {
    Head h = r.head();
    Set<String> bound = Declarations.ofArgs(h.args());
    Set<String> headVars = new LinkedHashSet<>();
    for (Term t : h.ref().path()) {
      Vars.collect(t, Set.of(), headVars);
    }
    if (h.key() != null) {
      Vars.collect(h.key(), Set.of(), headVars);
    }
    if (h.value() != null) {
      Vars.collect(h.value(), Set.of(), headVars);
    }
    Ordered ordered = order(r.body(), bound, Set.of(), headVars);
    Set<String> visible = new HashSet<>(ordered.bound);
    visible.addAll(headVars);
    Closures closures = new Closures(ordered.bound, visible);
    Head head =
        new Head(
            h.location(),
            (Term.Ref) closures.term(h.ref()),
            h.args(),
            h.key() == null ? null : closures.term(h.key()),
            h.value() == null ? null : closures.term(h.value()),
            h.assign());
    reportUnsafeHead(head, ordered.bound, visible);
    Rule elseRule = r.elseRule() == null ? null : rule(r.elseRule());
    return new Rule(r.location(), r.isDefault(), head, ordered.body, elseRule, r.annotations());
  }

  /** Orders a query; returns it with every literal placed after what it needs. */
  public Body query(Body body) {
    return order(body, Set.of(), Set.of(), Set.of()).body;
  }

  private void reportUnsafeHead(Head h, Set<String> bound, Set<String> visible) {
    List<Term> terms = new ArrayList<>(h.ref().path());
    if (h.key() != null) {
      terms.add(h.key());
    }
    if (h.value() != null) {
      terms.add(h.value());
    }
    VarRoles roles = new VarRoles(visible);
    Set<String> reported = new HashSet<>();
    for (Term t : terms) {
      for (String v : roles.inputs(t)) {
        if (!bound.contains(v) && reported.add(v)) {
          errors.error(RegoError.UNSAFE_VAR, locate(t, v, h.location()), "var " + display(v) + " is unsafe");
        }
      }
    }
  }

  private record Ordered(Body body, Set<String> bound) {}

  /**
   * @param bound vars bound before the body runs
   * @param outer names visible around the body (for closures: the enclosing bodies' vars)
   * @param extra vars used outside the body that its literals must bind (rule head vars)
   */
  private Ordered order(Body body, Set<String> bound, Set<String> outer, Set<String> extra) {
    Schedule schedule = new Schedule(outer, arity);
    List<Literal> remaining = new ArrayList<>(body.literals());
    List<Set<String>> levelVars = new ArrayList<>();
    for (Literal l : remaining) {
      levelVars.add(Vars.ofLiteral(l, outer));
    }
    Set<String> visible = new HashSet<>(outer);
    levelVars.forEach(visible::addAll);
    visible.addAll(extra);
    Set<String> now = new LinkedHashSet<>(bound);
    List<Literal> out = new ArrayList<>();
    while (!remaining.isEmpty()) {
      int pick = -1;
      Set<String> outs = null;
      for (int i = 0; i < remaining.size() && pick < 0; i++) {
        Set<String> elsewhere = new HashSet<>(extra);
        for (int j = 0; j < levelVars.size(); j++) {
          if (j != i) {
            elsewhere.addAll(levelVars.get(j));
          }
        }
        outs = schedule.outputs(remaining.get(i), now, elsewhere);
        if (outs != null) {
          pick = i;
        }
      }
      if (pick < 0) {
        reportUnsafe(remaining, now, outer);
        out.addAll(remaining);
        break;
      }
      Literal l = remaining.remove(pick);
      levelVars.remove(pick);
      out.add(closures(l, now, visible));
      now.addAll(outs);
    }
    return new Ordered(new Body(body.location(), out), now);
  }

  /** Orders the bodies of closures inside a literal, which run with {@code bound} bound. */
  private Literal closures(Literal l, Set<String> bound, Set<String> visible) {
    Closures c = new Closures(bound, visible);
    if (l.expr() instanceof Expr.Every ev) {
      Set<String> inner = new LinkedHashSet<>(bound);
      if (ev.key() != null) {
        inner.addAll(VarRoles.patternVars(ev.key()));
      }
      inner.addAll(VarRoles.patternVars(ev.value()));
      Body b = order(ev.body(), inner, visible, Set.of()).body;
      Expr.Every every = new Expr.Every(ev.location(), ev.key(), ev.value(), c.term(ev.domain()), b);
      return new Literal(l.location(), l.negated(), every, l.withs());
    }
    return c.literal(l);
  }

  /** Rewrites comprehension bodies into safe order, given the vars bound when they run. */
  private final class Closures extends AstRewriter {
    private final Set<String> bound;
    private final Set<String> visible;

    Closures(Set<String> bound, Set<String> visible) {
      this.bound = bound;
      this.visible = visible;
    }

    @Override
    protected Term comprehension(Term c) {
      List<Term> heads = new ArrayList<>();
      Body body;
      switch (c) {
        case Term.ArrayComprehension a -> {
          heads.add(a.head());
          body = a.body();
        }
        case Term.SetComprehension s -> {
          heads.add(s.head());
          body = s.body();
        }
        case Term.ObjectComprehension o -> {
          heads.add(o.key());
          heads.add(o.value());
          body = o.body();
        }
        default -> throw new IllegalArgumentException();
      }
      Set<String> headVars = new LinkedHashSet<>();
      heads.forEach(h -> Vars.collect(h, Set.of(), headVars));
      Ordered ordered = order(body, bound, visible, headVars);
      Set<String> innerVisible = new HashSet<>(visible);
      Vars.allVars(body, innerVisible);
      Closures inner = new Closures(ordered.bound, innerVisible);
      VarRoles roles = new VarRoles(innerVisible);
      Set<String> reported = new HashSet<>();
      for (Term h : heads) {
        for (String v : roles.inputs(h)) {
          if (!ordered.bound.contains(v) && reported.add(v)) {
            errors.error(RegoError.UNSAFE_VAR, locate(h, v, c.location()), "var " + display(v) + " is unsafe");
          }
        }
      }
      return switch (c) {
        case Term.ArrayComprehension a -> new Term.ArrayComprehension(a.location(), inner.term(a.head()), ordered.body);
        case Term.SetComprehension s -> new Term.SetComprehension(s.location(), inner.term(s.head()), ordered.body);
        case Term.ObjectComprehension o ->
            new Term.ObjectComprehension(o.location(), inner.term(o.key()), inner.term(o.value()), ordered.body);
        default -> throw new IllegalArgumentException();
      };
    }
  }

  private void reportUnsafe(List<Literal> remaining, Set<String> bound, Set<String> outer) {
    Set<String> reported = new HashSet<>();
    for (Literal l : remaining) {
      for (String v : Vars.ofLiteral(l, outer)) {
        if (!bound.contains(v) && reported.add(v)) {
          errors.error(RegoError.UNSAFE_VAR, locate(l, v), "var " + display(v) + " is unsafe");
        }
      }
    }
  }

  static String display(String var) {
    if (var.startsWith("$_")) {
      return "_";
    }
    int dollar = var.indexOf('$');
    return dollar > 0 ? var.substring(0, dollar) : var;
  }

  private static Location locate(Literal l, String var) {
    Location[] found = new Location[1];
    new AstRewriter() {
      @Override
      protected Term var(Term.Var v) {
        if (found[0] == null && v.name().equals(var)) {
          found[0] = v.location();
        }
        return v;
      }

      @Override
      public Expr expr(Expr e) {
        if (e instanceof Expr.SomeDecl s) {
          s.vars().forEach(this::var);
        }
        return super.expr(e);
      }
    }.literal(l);
    return found[0] != null ? found[0] : l.location();
  }

  private static Location locate(Term t, String var, Location fallback) {
    Location[] found = new Location[1];
    new AstRewriter() {
      @Override
      protected Term var(Term.Var v) {
        if (found[0] == null && v.name().equals(var)) {
          found[0] = v.location();
        }
        return v;
      }
    }.term(t);
    return found[0] != null ? found[0] : fallback;
  }
}
