package dev.verdict.format;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Location;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.value.NumberValue;
import dev.verdict.value.StringValue;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes literals, bodies and terms. Operators get brackets only where the grammar needs them; a
 * collection, call or comprehension written over several lines stays so, one element a line.
 */
final class Printer {

  /**
   * Where a term goes: the weakest operator that may stand there without brackets, and whether
   * {@code k, v in xs} may (it may in expressions, values and indexes, not in lists).
   */
  private record Slot(int min, boolean pairs) {}

  private static final Slot KV = new Slot(0, true);
  private static final Slot LIST = new Slot(0, false);
  private static final Slot REL = new Slot(1, false);
  private static final Slot REF = new Slot(Operators.PRIMARY, false);

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Layout out;
  private final Source source;
  /** The source row where what follows the literal being written starts: a block's comments end there. */
  private int limit = Integer.MAX_VALUE;

  Printer(Layout out, Source source) {
    this.out = out;
    this.source = source;
  }

  // ---------------------------------------------------------------- bodies and literals

  /**
   * The literals of a body, one a line, indented; then the comments written inside the block
   * before its closing brace (right of {@code ownerCol}, before {@code end}).
   */
  void block(Body body, int end, int ownerCol) {
    out.indent(1);
    List<Literal> literals = body.literals();
    int outer = limit;
    for (int i = 0; i < literals.size(); i++) {
      Literal literal = literals.get(i);
      out.commentsBefore(literal.location().row(), 0);
      limit = i + 1 < literals.size() ? literals.get(i + 1).location().row() : end;
      literal(literal);
      out.newline();
    }
    limit = outer;
    out.commentsBefore(end, ownerCol);
    out.indent(-1);
  }

  /** The end row for a block inside the literal being written. */
  int limit() {
    return limit;
  }

  void literal(Literal literal) {
    out.mark(literal.location());
    if (literal.negated()) {
      out.text("not ");
    }
    expr(literal.expr());
    for (With with : literal.withs()) {
      out.text(" with ");
      term(with.target(), REF);
      out.text(" as ");
      term(with.value(), KV);
    }
  }

  private void expr(Expr expr) {
    switch (expr) {
      case Expr.TermExpr t -> {
        String op = t.term() instanceof Term.Call c && c.args().size() == 2 ? switch (Operators.name(c.operator())) {
          case "eq" -> " = ";
          case "assign" -> " := ";
          default -> null;
        } : null;
        if (op == null) {
          term(t.term(), KV);
        } else {
          List<Term> args = ((Term.Call) t.term()).args();
          term(args.get(0), KV);
          out.text(op);
          term(args.get(1), KV);
        }
      }
      case Expr.SomeDecl s -> {
        out.text("some ");
        list(s.vars(), v -> term(v, REL));
      }
      case Expr.SomeIn s -> {
        out.text("some ");
        membership(s.key(), s.value(), s.collection());
      }
      case Expr.Every e -> {
        out.text("every ");
        membership(e.key(), e.value(), e.domain());
        out.text(" {");
        out.newline();
        block(e.body(), limit, e.location().col());
        out.text("}");
      }
    }
  }

  /** {@code k, v in xs} or {@code v in xs}, each part a relation term. */
  private void membership(Term key, Term value, Term collection) {
    if (key != null) {
      term(key, REL);
      out.text(", ");
    }
    term(value, REL);
    out.text(" in ");
    term(collection, REL);
  }

  // ---------------------------------------------------------------- terms

  void value(Term term) {
    term(term, KV);
  }

  void args(List<Term> args, Location open) {
    out.text("(");
    elements(open, args, t -> term(t, LIST));
    out.text(")");
  }

  void ref(Term.Ref ref) {
    out.mark(ref.location());
    term(ref.head(), REF);
    for (Term element : ref.path()) {
      if (element instanceof Term.Scalar s && s.value() instanceof StringValue str && NAME.matcher(str.value()).matches()) {
        out.text("." + str.value());
      } else {
        out.text("[");
        term(element, KV);
        out.text("]");
      }
    }
  }

  private void term(Term term, Slot slot) {
    Operators.Op op = Operators.infix(term);
    if (op != null && (op.prec() < slot.min() || op.arity() == 3 && !slot.pairs())) {
      out.text("(");
      term(term, KV);
      out.text(")");
      return;
    }
    out.mark(term.location());
    switch (term) {
      case Term.Scalar s -> out.text(scalar(s));
      case Term.Var v -> out.text(v.isWildcard() ? "_" : v.name());
      case Term.Ref r -> ref(r);
      case Term.Call c when op != null -> operator(c.args(), op, slot);
      case Term.Call c -> {
        ref(c.operator());
        args(c.args(), c.location());
      }
      case Term.ArrayTerm a -> {
        out.text("[");
        elements(a.location(), a.elements(), t -> term(t, LIST));
        out.text("]");
      }
      case Term.SetTerm s when s.elements().isEmpty() -> out.text("set()");
      case Term.SetTerm s -> {
        out.text("{");
        elements(s.location(), s.elements(), t -> term(t, LIST));
        out.text("}");
      }
      case Term.ObjectTerm o -> {
        out.text("{");
        elements(o.location(), o.items(), i -> {
          term(i.key(), LIST);
          out.text(": ");
          term(i.value(), LIST);
        });
        out.text("}");
      }
      case Term.ArrayComprehension a -> comprehension("[", a.location(), a.body(), "]", () -> term(a.head(), REF));
      case Term.SetComprehension s -> comprehension("{", s.location(), s.body(), "}", () -> term(s.head(), REF));
      case Term.ObjectComprehension o -> comprehension("{", o.location(), o.body(), "}", () -> {
        term(o.key(), LIST);
        out.text(": ");
        term(o.value(), REF);
      });
      case Term.TemplateString t -> template(t);
    }
  }

  private void operator(List<Term> args, Operators.Op op, Slot slot) {
    if (op.arity() == 3) {
      membership(args.get(0), args.get(1), args.get(2));
      return;
    }
    // Operators group to the left: the left operand may be as weak as the operator, the right
    // one must bind tighter. A chain of `in` may start with `k, v in xs` where the slot allows.
    term(args.get(0), new Slot(op.prec(), op.prec() == 0 && slot.pairs()));
    out.text(" " + op.symbol() + " ");
    term(args.get(1), new Slot(op.prec() + 1, false));
  }

  private String scalar(Term.Scalar s) {
    return switch (s.value()) {
      case StringValue str -> {
        String raw = source.rawString(s.location());
        yield raw != null && raw.substring(1, raw.length() - 1).equals(str.value()) ? raw : str.toString();
      }
      case NumberValue n -> {
        String written = source.number(s.location());
        yield written != null && NumberValue.parse(written).equals(n) ? written : n.toString();
      }
      default -> s.value().toRego();
    };
  }

  /** Elements on one line, or one a line (with a trailing comma) when the source broke them so. */
  private <T> void elements(Location open, List<T> elements, Consumer<T> print) {
    boolean broken = elements.stream().anyMatch(e -> start(e).row() > open.row());
    if (!broken) {
      list(elements, print);
      return;
    }
    out.newline();
    out.indent(1);
    for (T element : elements) {
      out.commentsBefore(start(element).row(), 0);
      print.accept(element);
      out.text(",");
      out.newline();
    }
    out.indent(-1);
  }

  private static Location start(Object element) {
    return element instanceof Term.ObjectTerm.Item i ? i.key().location() : ((Term) element).location();
  }

  private <T> void list(List<T> elements, Consumer<T> print) {
    join(elements, ", ", print);
  }

  private <T> void join(List<T> elements, String separator, Consumer<T> print) {
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.text(separator);
      }
      print.accept(elements.get(i));
    }
  }

  /** {@code [head | body]}: on one line when the body's literals all start on the bracket's row. */
  private void comprehension(String open, Location at, Body body, String close, Runnable head) {
    out.text(open);
    head.run();
    out.text(" |");
    if (body.literals().stream().allMatch(l -> l.location().row() == at.row())) {
      out.text(" ");
      join(body.literals(), "; ", this::literal);
    } else {
      out.newline();
      block(body, limit, at.col());
    }
    out.text(close);
  }

  private void template(Term.TemplateString t) {
    String quote = t.raw() ? "`" : "\"";
    out.text("$" + quote);
    for (Literal part : t.parts()) {
      if (part.expr() instanceof Expr.TermExpr e
          && e.term() instanceof Term.Scalar s
          && s.value() instanceof StringValue str
          && source.templateText(part.location())) {
        out.text(templateText(str.value(), t.raw()));
      } else {
        out.text("{");
        literal(part);
        out.text("}");
      }
    }
    out.text(quote);
  }

  /** Template text: JSON escapes (none in raw templates) and {@code \{} for a brace. */
  private static String templateText(String text, boolean raw) {
    String escaped = raw ? text : StringValue.of(text).toString();
    escaped = raw ? escaped : escaped.substring(1, escaped.length() - 1);
    return escaped.replace("{", "\\{");
  }
}
