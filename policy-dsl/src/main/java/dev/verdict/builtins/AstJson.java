package dev.verdict.builtins;

import dev.verdict.ast.Annotation;
import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Head;
import dev.verdict.ast.Import;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A module as OPA's AST JSON ({@code rego.parse_module}): terms are {@code {"type", "value"}},
 * bodies arrays of expressions {@code {"index", "terms", "negated"?, "with"?}}, rules
 * {@code {"head", "body", "default"?, "else"?}}. Locations are left out, as OPA leaves them out
 * unless asked.
 */
final class AstJson {

  private AstJson() {}

  static ObjectValue module(Module m) {
    ObjectValue.Builder b = ObjectValue.builder()
        .put("package", ObjectValue.builder().put("path", terms(refTerms(m.pkg().path()))).build());
    if (!m.imports().isEmpty()) {
      b.put("imports", ArrayValue.of(m.imports().stream().map(AstJson::importOf).toList()));
    }
    if (!m.rules().isEmpty()) {
      b.put("rules", ArrayValue.of(m.rules().stream().map(r -> (Value) rule(r)).toList()));
    }
    List<Annotation> annotations = new ArrayList<>(m.annotations());
    m.rules().forEach(r -> annotations.addAll(r.annotations()));
    if (!annotations.isEmpty()) {
      b.put("annotations", ArrayValue.of(annotations.stream().map(a -> (Value) a.content()).toList()));
    }
    return b.build();
  }

  private static Value importOf(Import i) {
    ObjectValue.Builder b = ObjectValue.builder().put("path", term(i.path()));
    if (i.alias() != null) {
      b.put("alias", StringValue.of(i.alias()));
    }
    return b.build();
  }

  private static ObjectValue rule(Rule r) {
    ObjectValue.Builder b = ObjectValue.builder().put("head", head(r.head())).put("body", body(r.body()));
    if (r.isDefault()) {
      b.put("default", BooleanValue.TRUE);
    }
    if (r.elseRule() != null) {
      b.put("else", rule(r.elseRule()));
    }
    return b.build();
  }

  private static Value head(Head h) {
    List<Term> ref = new ArrayList<>();
    ref.add(h.ref().head());
    ref.addAll(h.ref().path());
    ObjectValue.Builder b = ObjectValue.builder().put("ref", terms(ref));
    if (h.ref().path().isEmpty() && h.ref().head() instanceof Term.Var v) {
      b.put("name", StringValue.of(v.name()));
    }
    if (h.args() != null) {
      b.put("args", terms(h.args()));
    }
    if (h.key() != null) {
      b.put("key", term(h.key()));
    }
    if (h.value() != null) {
      b.put("value", term(h.value()));
    }
    if (h.assign()) {
      b.put("assign", BooleanValue.TRUE);
    }
    return b.build();
  }

  private static Value body(Body body) {
    List<Value> exprs = new ArrayList<>();
    for (int i = 0; i < body.literals().size(); i++) {
      exprs.add(literal(body.literals().get(i), i));
    }
    return ArrayValue.of(exprs);
  }

  private static Value literal(Literal l, int index) {
    ObjectValue.Builder b = ObjectValue.builder().put("index", NumberValue.of(index)).put("terms", exprTerms(l.expr()));
    if (l.negated()) {
      b.put("negated", BooleanValue.TRUE);
    }
    if (!l.withs().isEmpty()) {
      b.put("with", ArrayValue.of(l.withs().stream().map(AstJson::with).toList()));
    }
    return b.build();
  }

  private static Value with(With w) {
    return ObjectValue.builder().put("target", term(w.target())).put("value", term(w.value())).build();
  }

  /** A call expression is its operator and operands; any other term stands alone. */
  private static Value exprTerms(Expr e) {
    return switch (e) {
      case Expr.TermExpr t when t.term() instanceof Term.Call c -> callTerms(c);
      case Expr.TermExpr t -> term(t.term());
      case Expr.SomeDecl s -> ObjectValue.builder().put("symbols", terms(List.copyOf(s.vars()))).build();
      case Expr.SomeIn s -> {
        List<Term> args = new ArrayList<>();
        if (s.key() != null) {
          args.add(s.key());
        }
        args.add(s.value());
        args.add(s.collection());
        Term.Ref member = new Term.Ref(s.location(), new Term.Var(s.location(), "internal"),
            List.of(new Term.Scalar(s.location(), StringValue.of(s.key() == null ? "member_2" : "member_3"))));
        yield ObjectValue.builder().put("symbols", ArrayValue.of(term(new Term.Call(s.location(), member, args)))).build();
      }
      case Expr.Every ev -> {
        ObjectValue.Builder b = ObjectValue.builder();
        if (ev.key() != null) {
          b.put("key", term(ev.key()));
        }
        yield b.put("value", term(ev.value())).put("domain", term(ev.domain())).put("body", body(ev.body())).build();
      }
    };
  }

  private static ArrayValue callTerms(Term.Call c) {
    List<Value> out = new ArrayList<>();
    out.add(term(c.operator()));
    c.args().forEach(a -> out.add(term(a)));
    return ArrayValue.of(out);
  }

  private static ArrayValue terms(List<Term> ts) {
    return ArrayValue.of(ts.stream().map(AstJson::term).toList());
  }

  private static List<Term> refTerms(Term.Ref r) {
    List<Term> out = new ArrayList<>();
    out.add(r.head());
    out.addAll(r.path());
    return out;
  }

  static Value term(Term t) {
    return switch (t) {
      case Term.Scalar s -> typed(s.value().typeName(), s.value());
      case Term.Var v -> typed("var", StringValue.of(v.isWildcard() ? "$" + v.name().substring(2) : v.name()));
      case Term.Ref r -> typed("ref", terms(refTerms(r)));
      case Term.ArrayTerm a -> typed("array", terms(a.elements()));
      case Term.SetTerm s -> typed("set", terms(s.elements()));
      case Term.ObjectTerm o -> typed("object", ArrayValue.of(
          o.items().stream().map(i -> (Value) ArrayValue.of(term(i.key()), term(i.value()))).toList()));
      case Term.Call c -> typed("call", callTerms(c));
      case Term.ArrayComprehension c -> typed("arraycomprehension", comprehension(c.head(), c.body()));
      case Term.SetComprehension c -> typed("setcomprehension", comprehension(c.head(), c.body()));
      case Term.ObjectComprehension c -> typed("objectcomprehension", ObjectValue.builder()
          .put("key", term(c.key())).put("value", term(c.value())).put("body", body(c.body())).build());
      case Term.TemplateString ts -> typed("templatestring", ArrayValue.of(
          ts.parts().stream().map(p -> (Value) ObjectValue.builder().put("terms", exprTerms(p.expr())).build()).toList()));
    };
  }

  private static Value comprehension(Term head, Body body) {
    return ObjectValue.builder().put("term", term(head)).put("body", body(body)).build();
  }

  private static Value typed(String type, Value value) {
    return ObjectValue.builder().put("type", StringValue.of(type)).put("value", value == null ? NullValue.NULL : value).build();
  }
}
