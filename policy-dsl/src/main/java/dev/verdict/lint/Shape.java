package dev.verdict.lint;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.compiler.Names;
import dev.verdict.value.StringValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A term's structure as text, without locations: two terms written alike at different places
 * have the same shape (records compare locations, so they cannot be compared directly).
 */
final class Shape {

  private Shape() {}

  static String of(Body b) {
    return b.literals().stream().map(Shape::of).collect(Collectors.joining("; ", "{", "}"));
  }

  static String of(Literal l) {
    String expr = switch (l.expr()) {
      case Expr.TermExpr t -> of(t.term());
      case Expr.SomeDecl s -> "some " + all(List.copyOf(s.vars()));
      case Expr.SomeIn s -> "some " + (s.key() == null ? "" : of(s.key()) + ", ") + of(s.value()) + " in " + of(s.collection());
      case Expr.Every e -> "every " + (e.key() == null ? "" : of(e.key()) + ", ") + of(e.value()) + " in " + of(e.domain()) + of(e.body());
    };
    StringBuilder sb = new StringBuilder(l.negated() ? "not " : "").append(expr);
    for (With w : l.withs()) {
      sb.append(" with ").append(of(w.target())).append(" as ").append(of(w.value()));
    }
    return sb.toString();
  }

  static String of(Term t) {
    return switch (t) {
      case Term.Scalar s -> s.value().toRego();
      case Term.Var v -> v.isWildcard() ? "_" : v.name();
      case Term.Ref r -> of(r.head()) + r.path().stream().map(Shape::segment).collect(Collectors.joining());
      case Term.ArrayTerm a -> "[" + all(a.elements()) + "]";
      case Term.SetTerm s -> "{" + all(s.elements()) + "}";
      case Term.ObjectTerm o -> o.items().stream().map(i -> of(i.key()) + ": " + of(i.value())).collect(Collectors.joining(", ", "{", "}"));
      case Term.Call c -> of(c.operator()) + "(" + all(c.args()) + ")";
      case Term.TemplateString ts -> ts.parts().stream().map(Shape::of).collect(Collectors.joining("", "$\"", "\""));
      case Term.ArrayComprehension c -> "[" + of(c.head()) + " | " + of(c.body()) + "]";
      case Term.SetComprehension c -> "{" + of(c.head()) + " | " + of(c.body()) + "}";
      case Term.ObjectComprehension c -> "{" + of(c.key()) + ": " + of(c.value()) + " | " + of(c.body()) + "}";
    };
  }

  /** {@code .name} for identifier strings, {@code [term]} otherwise, as refs are written. */
  private static String segment(Term p) {
    return p instanceof Term.Scalar s && s.value() instanceof StringValue str && Names.isIdentifier(str.value())
        ? "." + str.value()
        : "[" + of(p) + "]";
  }

  private static String all(List<? extends Term> terms) {
    return terms.stream().map(Shape::of).collect(Collectors.joining(", "));
  }
}
