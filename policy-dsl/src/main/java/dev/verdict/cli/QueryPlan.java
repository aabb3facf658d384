package dev.verdict.cli;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Location;
import dev.verdict.ast.Term;
import dev.verdict.ast.With;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code verdict eval} runs a query so it can report every top-level expression's value as
 * {@code opa eval} does, given an engine that answers variable bindings only.
 *
 * <p>opa rewrites a query before evaluating it: a term used as an expression ({@code data.p},
 * {@code x > 1}, {@code count(xs)}) is bound to a generated variable, whose value is the
 * expression's value; assignments, unifications, negations, {@code some}, {@code every},
 * {@code print} and calls written with their output argument are not, and report {@code true}.
 * When the query has several expressions or iterates, a check that each captured value is not
 * {@code false} is appended, so {@code opa eval 'false'} is defined with value false while
 * {@code [true, false][_]} gives one result. This class does the same on the query text: it
 * inserts {@code __verdict_eN__ = } before each captured expression and appends the checks,
 * and maps error locations in the rewritten text back to the text the user wrote.
 */
record QueryPlan(String rewritten, List<Expression> expressions, List<Insertion> insertions) {

  /** The prefix of generated capture variables; bindings with it are never reported. */
  static final String CAPTURE_PREFIX = "__verdict_e";

  /** Facts about functions the rewrite needs: how many operands a function takes, and which iterate. */
  interface Functions {
    /** The number of operands of the builtin or user function, or -1 when unknown. */
    int arity(String name);

    /** True for builtins that enumerate results, like {@code walk}. */
    boolean isRelation(String name);
  }

  /** One top-level expression: its source text and position, and its capture variable (null: value true). */
  record Expression(String text, int row, int col, String capture) {}

  /** Text inserted into the query at a row and column of the original text. */
  record Insertion(int row, int col, int length) {}

  /** One solution as opa reports it: each expression's value, and the user's bindings sorted by name. */
  record Solution(List<Value> values, Map<String, Value> bindings) {}

  static QueryPlan of(String text, Body query, Functions functions) {
    SourceText source = new SourceText(text);
    List<Literal> literals = query.literals();
    int[] starts = new int[literals.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = source.offset(literals.get(i).location());
    }
    boolean check = literals.size() > 1 || literals.stream().anyMatch(l -> iterates(l, functions));
    List<Expression> expressions = new ArrayList<>();
    List<Insertion> insertions = new ArrayList<>();
    StringBuilder out = new StringBuilder(text.length() + 32);
    StringBuilder checks = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < literals.size(); i++) {
      Literal l = literals.get(i);
      int end = source.significantEnd(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length());
      String capture = captures(l, functions) ? CAPTURE_PREFIX + i + "__" : null;
      expressions.add(new Expression(text.substring(starts[i], end), l.location().row(), l.location().col(), capture));
      if (capture != null) {
        String inserted = capture + " = ";
        out.append(text, copied, starts[i]).append(inserted);
        copied = starts[i];
        insertions.add(new Insertion(l.location().row(), l.location().col(), inserted.length()));
        if (check) {
          checks.append('\n').append(capture).append(" != false");
        }
      }
    }
    out.append(text, copied, text.length()).append(checks);
    return new QueryPlan(out.toString(), List.copyOf(expressions), List.copyOf(insertions));
  }

  /** The values and bindings of one solution of the rewritten query. */
  Solution solution(Map<String, Value> bound) {
    List<Value> values = new ArrayList<>(expressions.size());
    for (Expression e : expressions) {
      values.add(e.capture() == null ? BooleanValue.TRUE : bound.get(e.capture()));
    }
    Map<String, Value> bindings = new TreeMap<>(GoJson.KEY_ORDER);
    bound.forEach((k, v) -> {
      if (!k.startsWith(CAPTURE_PREFIX)) {
        bindings.put(k, v);
      }
    });
    return new Solution(values, bindings);
  }

  /** Where a location in the rewritten query was in the text the user wrote. */
  Location original(Location at) {
    if (at == null) {
      return null;
    }
    int col = at.col();
    for (Insertion ins : insertions) {
      if (ins.row() != at.row()) {
        continue;
      }
      if (col >= ins.col() + ins.length()) {
        col -= ins.length();
      } else if (col >= ins.col()) {
        col = ins.col();
      }
    }
    return new Location(at.file(), at.row(), col);
  }

  /** Whether opa binds the expression's value to a generated variable. */
  private static boolean captures(Literal l, Functions functions) {
    if (l.negated() || !(l.expr() instanceof Expr.TermExpr t)) {
      return false;
    }
    if (!(t.term() instanceof Term.Call c)) {
      return true;
    }
    String name = name(c.operator());
    int arity =
        switch (name) {
          case "eq", "assign", "print", "internal.print" -> -2;
          case "internal.member_2" -> 2;
          case "internal.member_3" -> 3;
          default -> functions.arity(name);
        };
    // A call already given its output argument (plus(1, 2, x)) is a plain test, as in opa.
    return arity != -2 && c.args().size() != arity + 1;
  }

  /** opa's test for iteration: a ref with a variable key, or a relation call, outside comprehensions. */
  private static boolean iterates(Literal l, Functions functions) {
    List<Term> roots = new ArrayList<>();
    switch (l.expr()) {
      case Expr.TermExpr t -> roots.add(t.term());
      case Expr.SomeDecl s -> roots.addAll(s.vars());
      case Expr.SomeIn s -> {
        if (s.key() != null) {
          roots.add(s.key());
        }
        roots.add(s.value());
        roots.add(s.collection());
      }
      case Expr.Every e -> {
        roots.add(e.domain());
        if (e.body().literals().stream().anyMatch(inner -> iterates(inner, functions))) {
          return true;
        }
      }
    }
    for (With w : l.withs()) {
      roots.add(w.value());
    }
    return roots.stream().anyMatch(t -> iterates(t, functions));
  }

  private static boolean iterates(Term t, Functions functions) {
    return switch (t) {
      case Term.Ref r -> r.path().stream().anyMatch(p -> p instanceof Term.Var) || iterates(r.head(), functions)
          || r.path().stream().anyMatch(p -> iterates(p, functions));
      case Term.Call c -> functions.isRelation(name(c.operator())) || c.args().stream().anyMatch(a -> iterates(a, functions));
      case Term.ArrayTerm a -> a.elements().stream().anyMatch(e -> iterates(e, functions));
      case Term.SetTerm s -> s.elements().stream().anyMatch(e -> iterates(e, functions));
      case Term.ObjectTerm o -> o.items().stream().anyMatch(i -> iterates(i.key(), functions) || iterates(i.value(), functions));
      case Term.TemplateString ts -> ts.parts().stream().anyMatch(p -> partIterates(p, functions));
      case Term.ArrayComprehension c -> false;
      case Term.SetComprehension c -> false;
      case Term.ObjectComprehension c -> false;
      case Term.Scalar s -> false;
      case Term.Var v -> false;
    };
  }

  /**
   * Template string parts are terms in this branch's AST and literals in the parser's (which
   * allows {@code with} inside {@code {…}}); walking them as objects works with either.
   */
  private static boolean partIterates(Object part, Functions functions) {
    return switch (part) {
      case Term t -> iterates(t, functions);
      case Literal l -> iterates(l, functions);
      default -> false;
    };
  }

  /** The dotted name of a call's operator: {@code count}, {@code data.lib.f}. */
  static String name(Term.Ref operator) {
    return String.join(".", RefText.groundKeys(operator, true));
  }
}
