package dev.verdict.parser;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Head;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.value.StringValue;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders AST nodes as compact Rego-like text (operators as calls), so tests can assert whole trees. */
public final class AstText {

  private AstText() {}

  public static String of(Term term) {
    return switch (term) {
      case Term.Scalar s -> s.value().toRego();
      case Term.Var v -> v.name();
      case Term.Ref r -> (r.head() instanceof Term.Var v ? v.name() : of(r.head()))
          + r.path().stream().map(AstText::pathElement).collect(Collectors.joining());
      case Term.Call c -> of(c.operator()) + "(" + join(c.args(), AstText::of) + ")";
      case Term.ArrayTerm a -> "[" + join(a.elements(), AstText::of) + "]";
      case Term.SetTerm s -> s.elements().isEmpty() ? "set()" : "{" + join(s.elements(), AstText::of) + "}";
      case Term.ObjectTerm o -> "{" + join(o.items(), i -> of(i.key()) + ": " + of(i.value())) + "}";
      case Term.ArrayComprehension a -> "[" + of(a.head()) + " | " + of(a.body()) + "]";
      case Term.SetComprehension s -> "{" + of(s.head()) + " | " + of(s.body()) + "}";
      case Term.ObjectComprehension o -> "{" + of(o.key()) + ": " + of(o.value()) + " | " + of(o.body()) + "}";
      case Term.TemplateString t -> (t.raw() ? "$`" : "$\"") + t.parts().stream().map(AstText::templatePart).collect(Collectors.joining()) + (t.raw() ? "`" : "\"");
    };
  }

  private static String pathElement(Term element) {
    if (element instanceof Term.Scalar s && s.value() instanceof StringValue str && str.value().matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return "." + str.value();
    }
    return "[" + of(element) + "]";
  }

  private static String templatePart(Literal part) {
    if (part.expr() instanceof Expr.TermExpr e && e.term() instanceof Term.Scalar s && s.value() instanceof StringValue str && part.withs().isEmpty()) {
      return str.value();
    }
    return "{" + of(part) + "}";
  }

  static String of(Body body) {
    return body.literals().stream().map(AstText::of).collect(Collectors.joining("; "));
  }

  static String of(Literal literal) {
    return (literal.negated() ? "not " : "") + of(literal.expr())
        + literal.withs().stream().map(AstText::of).collect(Collectors.joining());
  }

  private static String of(With with) {
    return " with " + of(with.target()) + " as " + of(with.value());
  }

  static String of(Expr expr) {
    return switch (expr) {
      case Expr.TermExpr t -> of(t.term());
      case Expr.SomeDecl s -> "some " + join(s.vars(), AstText::of);
      case Expr.SomeIn s -> "some " + (s.key() == null ? "" : of(s.key()) + ", ") + of(s.value()) + " in " + of(s.collection());
      case Expr.Every e -> "every " + (e.key() == null ? "" : of(e.key()) + ", ") + of(e.value()) + " in " + of(e.domain()) + " { " + of(e.body()) + " }";
    };
  }

  static String of(Head head) {
    String ref = of(head.ref()) + (head.isFunction() ? "(" + join(head.args(), AstText::of) + ")" : "");
    if (head.isMultiValue()) {
      return ref + " contains " + of(head.key());
    }
    return ref + (head.assign() ? " := " : " = ") + of(head.value());
  }

  public static String of(Rule rule) {
    String text = (rule.isDefault() ? "default " : "") + of(rule.head()) + " { " + of(rule.body()) + " }";
    for (Rule r = rule.elseRule(); r != null; r = r.elseRule()) {
      text += " else " + (r.head().assign() ? ":= " : "= ") + of(r.head().value()) + " { " + of(r.body()) + " }";
    }
    return text;
  }

  private static <T> String join(List<T> items, Function<T, String> show) {
    return items.stream().map(show).collect(Collectors.joining(", "));
  }
}
