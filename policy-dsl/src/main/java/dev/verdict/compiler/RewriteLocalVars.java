package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Head;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.error.RegoError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every variable of a rule one meaning. A name declared inside a comprehension or an
 * {@code every} body that is also visible around it is renamed there ({@code x} becomes
 * {@code x$1}), so later stages can treat names as identities. Also rejects declaring a name
 * twice in one body ("var x assigned above") and declaring it after using it ("referenced above").
 */
final class RewriteLocalVars implements Stage {

  @Override
  public String name() {
    return "rewrite_local_vars";
  }

  @Override
  public void run(CompileState state) {
    List<Module> out = new ArrayList<>();
    for (Module m : state.modules()) {
      List<Rule> rules = new ArrayList<>();
      for (Rule r : m.rules()) {
        rules.add(new Renamer(state).rule(r));
      }
      out.add(new Module(m.file(), m.version(), m.pkg(), m.imports(), rules, m.annotations(), m.comments()));
    }
    state.modules(out);
  }

  /** Renames the closures' shadowing declarations of a query. */
  static dev.verdict.ast.Body query(dev.verdict.ast.Body body, CompileState state) {
    Renamer r = new Renamer(state);
    r.checkDeclarations(body);
    return r.new Scope(Map.of(), Set.of()).body(body);
  }

  private static final class Renamer {
    private final CompileState state;
    private int fresh;

    Renamer(CompileState state) {
      this.state = state;
    }

    Rule rule(Rule r) {
      checkDeclarations(r.body());
      Set<String> visible = new LinkedHashSet<>(Declarations.ofArgs(r.head().args()));
      Head h = r.head();
      for (Term t : h.ref().path()) {
        Vars.collect(t, Set.of(), visible);
      }
      if (h.key() != null) {
        Vars.collect(h.key(), Set.of(), visible);
      }
      if (h.value() != null) {
        Vars.collect(h.value(), Set.of(), visible);
      }
      Scope scope = new Scope(Map.of(), visible);
      Body body = scope.body(r.body());
      Head head =
          new Head(
              h.location(),
              (Term.Ref) scope.inner(body).term(h.ref()),
              h.args() == null ? null : scope.inner(body).terms(h.args()),
              h.key() == null ? null : scope.inner(body).term(h.key()),
              h.value() == null ? null : scope.inner(body).term(h.value()),
              h.assign());
      Rule elseRule = r.elseRule() == null ? null : rule(r.elseRule());
      return new Rule(r.location(), r.isDefault(), head, body, elseRule, r.annotations());
    }

    /** := twice for one name in one body, or := after a plain use, are errors (as in OPA). */
    private void checkDeclarations(Body body) {
      Set<String> assigned = new HashSet<>();
      Set<String> used = new HashSet<>();
      for (Literal l : body.literals()) {
        if (l.expr() instanceof Expr.TermExpr t && t.term() instanceof Term.Call c && Declarations.isAssign(c)) {
          Set<String> targets = new LinkedHashSet<>();
          Declarations.patternVars(c.args().get(0), targets);
          for (String v : targets) {
            if (v.startsWith("$")) {
              continue;
            }
            if (assigned.contains(v)) {
              state.error(RegoError.COMPILE, c.location(), "var " + v + " assigned above");
            } else if (used.contains(v)) {
              state.error(RegoError.COMPILE, c.location(), "var " + v + " referenced above");
            }
            assigned.add(v);
          }
          Vars.collect(c.args().get(1), Set.of(), used);
        } else {
          used.addAll(Vars.ofLiteral(l, Set.of()));
        }
      }
    }

    /** Names renamed in this scope, and the original names visible from enclosing bodies. */
    private final class Scope extends AstRewriter {
      private final Map<String, String> renames;
      private final Set<String> outerVisible;

      Scope(Map<String, String> renames, Set<String> outerVisible) {
        this.renames = renames;
        this.outerVisible = outerVisible;
      }

      /** The scope inside {@code b}: its own level's vars become visible to closures within. */
      Scope inner(Body b) {
        Set<String> visible = new HashSet<>(outerVisible);
        for (Literal l : b.literals()) {
          visible.addAll(Vars.ofLiteral(l, Set.of()));
        }
        return new Scope(renames, visible);
      }

      /** The scope of a nested body whose declarations shadow visible names. */
      Scope nested(Set<String> declared) {
        Map<String, String> r = new HashMap<>(renames);
        for (String d : declared) {
          if (outerVisible.contains(d)) {
            r.put(d, d + "$" + (++fresh));
          } else {
            r.remove(d);
          }
        }
        return new Scope(r, outerVisible);
      }

      @Override
      public Body body(Body b) {
        Scope in = inner(b);
        List<Literal> out = new ArrayList<>();
        for (Literal l : b.literals()) {
          out.add(in.literalHere(l));
        }
        return new Body(b.location(), out);
      }

      private Literal literalHere(Literal l) {
        return super.literal(l);
      }

      @Override
      protected Term var(Term.Var v) {
        String to = renames.get(v.name());
        return to == null ? v : new Term.Var(v.location(), to);
      }

      @Override
      public Expr expr(Expr e) {
        if (e instanceof Expr.SomeDecl s) {
          List<Term.Var> vars = new ArrayList<>();
          for (Term.Var v : s.vars()) {
            vars.add((Term.Var) var(v));
          }
          return new Expr.SomeDecl(s.location(), vars);
        }
        return super.expr(e);
      }

      @Override
      protected Term comprehension(Term c) {
        checkDeclarations(bodyOf(c));
        Scope nested = nested(Declarations.of(bodyOf(c)));
        return switch (c) {
          case Term.ArrayComprehension a -> {
            Body b = nested.body(a.body());
            yield new Term.ArrayComprehension(a.location(), nested.inner(a.body()).term(a.head()), b);
          }
          case Term.SetComprehension s -> {
            Body b = nested.body(s.body());
            yield new Term.SetComprehension(s.location(), nested.inner(s.body()).term(s.head()), b);
          }
          case Term.ObjectComprehension o -> {
            Body b = nested.body(o.body());
            Scope in = nested.inner(o.body());
            yield new Term.ObjectComprehension(o.location(), in.term(o.key()), in.term(o.value()), b);
          }
          default -> throw new IllegalArgumentException();
        };
      }

      private static Body bodyOf(Term c) {
        return switch (c) {
          case Term.ArrayComprehension a -> a.body();
          case Term.SetComprehension s -> s.body();
          case Term.ObjectComprehension o -> o.body();
          default -> throw new IllegalArgumentException();
        };
      }

      @Override
      protected Expr every(Expr.Every ev) {
        checkDeclarations(ev.body());
        Term domain = term(ev.domain());
        Set<String> declared = new LinkedHashSet<>(Declarations.of(ev.body()));
        if (ev.key() != null) {
          Declarations.patternVars(ev.key(), declared);
        }
        Declarations.patternVars(ev.value(), declared);
        Scope nested = nested(declared);
        Body b = nested.body(ev.body());
        return new Expr.Every(
            ev.location(), ev.key() == null ? null : nested.term(ev.key()), nested.term(ev.value()), domain, b);
      }
    }
  }
}
