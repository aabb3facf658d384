package dev.verdict.lint;

import dev.verdict.ast.Expr;
import dev.verdict.ast.Import;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Module;
import dev.verdict.ast.Rule;
import dev.verdict.ast.Term;
import dev.verdict.compiler.Names;
import dev.verdict.compiler.TermWalker;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Small questions rules ask of the AST. */
final class Ast {

  /** Comparison operators and the one each negates to. */
  static final java.util.Map<String, String> NEGATED = java.util.Map.of(
      "equal", "!=", "neq", "==", "lt", ">=", "gt", "<=", "lte", ">", "gte", "<");

  private Ast() {}

  /** True for a call of ==, !=, <, >, <= or >= with two operands. */
  static boolean isComparison(Term.Call c) {
    return NEGATED.containsKey(op(c)) && c.args().size() == 2;
  }

  static String name(Rule r) {
    return ((Term.Var) r.head().ref().head()).name();
  }

  /** The name an import binds: its alias, else the last segment of its path. */
  static String importName(Import i) {
    if (i.alias() != null) {
      return i.alias();
    }
    List<Term> path = i.path().path();
    if (path.isEmpty()) {
      return ((Term.Var) i.path().head()).name();
    }
    return path.get(path.size() - 1) instanceof Term.Scalar s && s.value() instanceof StringValue str ? str.value() : "";
  }

  /** True for {@code future.…} and {@code rego.v1} imports, which select syntax and bind nothing. */
  static boolean isKeywordImport(Import i) {
    String root = ((Term.Var) i.path().head()).name();
    return root.equals("future") || root.equals("rego");
  }

  static boolean isTestRule(Rule r) {
    return name(r).startsWith("test_");
  }

  static boolean isTestFile(String file) {
    return file.endsWith("_test.rego");
  }

  /** The operator name of a call ({@code equal}, {@code count}, {@code data.lib.f}), else null. */
  static String op(Term t) {
    return t instanceof Term.Call c ? Names.of(c.operator()) : null;
  }

  /** The term a literal states, when it is a plain term. */
  static Term term(Literal l) {
    return l.expr() instanceof Expr.TermExpr t ? t.term() : null;
  }

  /** True for the body {@code true} the parser gives a rule written without one. */
  static boolean implicitBody(Rule r) {
    List<Literal> ls = r.body().literals();
    return ls.size() == 1
        && term(ls.get(0)) instanceof Term.Scalar s
        && s.value() == BooleanValue.TRUE
        && ls.get(0).location().equals(r.head().location());
  }

  /** True for the value {@code true} the parser gives a head written without one. */
  static boolean implicitValue(Rule r) {
    return r.head().value() instanceof Term.Scalar s
        && s.value() == BooleanValue.TRUE
        && s.location().equals(r.head().location());
  }

  /** Names of the non-wildcard vars in a literal, nested closures included. */
  static Set<String> vars(Literal l) {
    Set<String> out = new LinkedHashSet<>();
    TermWalker.literal(l, t -> addVar(t, out));
    return out;
  }

  static Set<String> vars(Term term) {
    Set<String> out = new LinkedHashSet<>();
    TermWalker.term(term, t -> addVar(t, out));
    return out;
  }

  private static void addVar(Term t, Set<String> out) {
    if (t instanceof Term.Var v && !v.isWildcard()) {
      out.add(v.name());
    }
  }

  /** Every var occurrence of a rule, head and else branches included, as its terms. */
  static List<Term.Var> varTerms(Rule r) {
    List<Term.Var> out = new ArrayList<>();
    TermWalker.rule(r, t -> {
      if (t instanceof Term.Var v && !v.isWildcard()) {
        out.add(v);
      }
    });
    return out;
  }

  /** Each term of every rule of the module, with its rule. */
  static void terms(Module m, BiConsumer<Rule, Term> f) {
    for (Rule r : m.rules()) {
      TermWalker.rule(r, t -> f.accept(r, t));
    }
  }

  /** Each literal of a rule, nested bodies (comprehensions, every, else) included. */
  static void literals(Rule r, Consumer<Literal> f) {
    for (Rule branch = r; branch != null; branch = branch.elseRule()) {
      Rule current = branch;
      current.body().literals().forEach(f);
      TermWalker.rule(current, t -> nestedBodies(t, f));
    }
  }

  private static void nestedBodies(Term t, Consumer<Literal> f) {
    switch (t) {
      case Term.ArrayComprehension c -> c.body().literals().forEach(f);
      case Term.SetComprehension c -> c.body().literals().forEach(f);
      case Term.ObjectComprehension c -> c.body().literals().forEach(f);
      default -> {}
    }
  }
}
