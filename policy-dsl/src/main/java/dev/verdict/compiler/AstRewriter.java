package dev.verdict.compiler;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds terms, literals and bodies bottom-up. Subclasses override the hooks they need
 * ({@link #var}, {@link #ref}, {@link #call}, {@link #closureBody}); everything else is copied
 * structurally, and unchanged subtrees keep their identity.
 */
public abstract class AstRewriter {

  protected Term var(Term.Var v) {
    return v;
  }

  protected Term ref(Term.Ref r, Term head, List<Term> path) {
    return head == r.head() && same(path, r.path()) ? r : new Term.Ref(r.location(), head, path);
  }

  protected Term call(Term.Call c, Term.Ref operator, List<Term> args) {
    return operator == c.operator() && same(args, c.args()) ? c : new Term.Call(c.location(), operator, args);
  }

  /** A body nested in a term (comprehension) or expression (every); default: rewrite in place. */
  protected Body closureBody(Body b) {
    return body(b);
  }

  public Term term(Term t) {
    return switch (t) {
      case Term.Scalar s -> s;
      case Term.Var v -> var(v);
      case Term.Ref r -> ref(r, term(r.head()), terms(r.path()));
      case Term.ArrayTerm a -> {
        List<Term> e = terms(a.elements());
        yield same(e, a.elements()) ? a : new Term.ArrayTerm(a.location(), e);
      }
      case Term.SetTerm s -> {
        List<Term> e = terms(s.elements());
        yield same(e, s.elements()) ? s : new Term.SetTerm(s.location(), e);
      }
      case Term.ObjectTerm o -> {
        List<Term.ObjectTerm.Item> items = new ArrayList<>(o.items().size());
        boolean changed = false;
        for (Term.ObjectTerm.Item item : o.items()) {
          Term k = term(item.key());
          Term v = term(item.value());
          changed |= k != item.key() || v != item.value();
          items.add(new Term.ObjectTerm.Item(k, v));
        }
        yield changed ? new Term.ObjectTerm(o.location(), items) : o;
      }
      case Term.ArrayComprehension c -> comprehension(c);
      case Term.SetComprehension c -> comprehension(c);
      case Term.ObjectComprehension c -> comprehension(c);
      case Term.Call c -> {
        Term op = term(c.operator());
        List<Term> args = terms(c.args());
        yield op instanceof Term.Ref r ? call(c, r, args) : new Term.Call(c.location(), c.operator(), args);
      }
      case Term.TemplateString ts -> {
        List<Literal> parts = literals(ts.parts());
        yield parts == ts.parts() ? ts : new Term.TemplateString(ts.location(), parts, ts.raw());
      }
    };
  }

  /** Comprehensions: the head is in the body's scope, so it is rewritten after the body. */
  protected Term comprehension(Term c) {
    return switch (c) {
      case Term.ArrayComprehension a -> {
        Body b = closureBody(a.body());
        yield new Term.ArrayComprehension(a.location(), closureHead(a.head()), b);
      }
      case Term.SetComprehension s -> {
        Body b = closureBody(s.body());
        yield new Term.SetComprehension(s.location(), closureHead(s.head()), b);
      }
      case Term.ObjectComprehension o -> {
        Body b = closureBody(o.body());
        yield new Term.ObjectComprehension(o.location(), closureHead(o.key()), closureHead(o.value()), b);
      }
      default -> throw new IllegalArgumentException("not a comprehension: " + c);
    };
  }

  /** The head of a comprehension, rewritten in the scope its body established. */
  protected Term closureHead(Term head) {
    return term(head);
  }

  public List<Term> terms(List<Term> ts) {
    List<Term> out = null;
    for (int i = 0; i < ts.size(); i++) {
      Term t = ts.get(i);
      Term r = term(t);
      if (r != t && out == null) {
        out = new ArrayList<>(ts.subList(0, i));
      }
      if (out != null) {
        out.add(r);
      }
    }
    return out == null ? ts : out;
  }

  public Expr expr(Expr e) {
    return switch (e) {
      case Expr.TermExpr t -> {
        Term r = term(t.term());
        yield r == t.term() ? t : new Expr.TermExpr(t.location(), r);
      }
      case Expr.SomeDecl s -> s;
      case Expr.SomeIn s -> new Expr.SomeIn(
          s.location(), s.key() == null ? null : term(s.key()), term(s.value()), term(s.collection()));
      case Expr.Every ev -> every(ev);
    };
  }

  protected Expr every(Expr.Every ev) {
    Term domain = term(ev.domain());
    Body b = closureBody(ev.body());
    return new Expr.Every(
        ev.location(), ev.key() == null ? null : closureHead(ev.key()), closureHead(ev.value()), domain, b);
  }

  public Literal literal(Literal l) {
    Expr e = expr(l.expr());
    List<With> withs = new ArrayList<>(l.withs().size());
    boolean changed = e != l.expr();
    for (With w : l.withs()) {
      With nw = with(w);
      changed |= nw != w;
      withs.add(nw);
    }
    return changed ? new Literal(l.location(), l.negated(), e, withs) : l;
  }

  protected With with(With w) {
    Term target = w.target();
    Term value = term(w.value());
    return value == w.value() ? w : new With(w.location(), target, value);
  }

  public Body body(Body b) {
    List<Literal> out = literals(b.literals());
    return out == b.literals() ? b : new Body(b.location(), out);
  }

  /** The literals rewritten; the same list when none changed. */
  private List<Literal> literals(List<Literal> ls) {
    List<Literal> out = new ArrayList<>(ls.size());
    boolean changed = false;
    for (Literal l : ls) {
      Literal r = literal(l);
      changed |= r != l;
      out.add(r);
    }
    return changed ? out : ls;
  }

  private static boolean same(List<Term> a, List<Term> b) {
    return a == b;
  }
}
