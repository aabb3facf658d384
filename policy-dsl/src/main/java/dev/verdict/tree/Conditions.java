package dev.verdict.tree;

import dev.verdict.ast.Body;
import dev.verdict.ast.Expr;
import dev.verdict.ast.Literal;
import dev.verdict.ast.Term;
import dev.verdict.compiler.Names;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.SetValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the literals of a body that a decision tree can test before the body runs: equality of
 * an indexable ref with a constant, membership in a constant collection, {@code glob.match} with
 * constant pattern, and a bare ref. Negated literals and literals with {@code with} are left to
 * the body, as OPA's indexer leaves them.
 */
public final class Conditions {

  private Conditions() {}

  /**
   * The first condition per ref, in body order.
   *
   * @param baseData true for a {@code data} path that holds only base documents (no rules at or
   *     under it), so that its value is fixed for a query
   */
  public static Map<IndexedRef, Condition> of(Body body, Predicate<List<Value>> baseData) {
    Map<IndexedRef, Condition> out = new LinkedHashMap<>();
    for (Literal l : body.literals()) {
      if (l.negated() || !l.withs().isEmpty() || !(l.expr() instanceof Expr.TermExpr t)) {
        continue;
      }
      Condition c = condition(t.term(), baseData);
      if (c != null) {
        out.putIfAbsent(c.ref(), c);
      }
    }
    return out;
  }

  private static Condition condition(Term t, Predicate<List<Value>> baseData) {
    if (t instanceof Term.Ref r) {
      IndexedRef ref = ref(r, baseData);
      return ref == null ? null : new Condition.Truthy(ref);
    }
    if (!(t instanceof Term.Call c)) {
      return null;
    }
    String op = Names.of(c.operator());
    List<Term> args = c.args();
    switch (op) {
      case "eq", "equal" -> {
        if (args.size() != 2) {
          return null;
        }
        IndexedRef left = args.get(0) instanceof Term.Ref r ? ref(r, baseData) : null;
        IndexedRef right = args.get(1) instanceof Term.Ref r ? ref(r, baseData) : null;
        Value lv = constant(args.get(0));
        Value rv = constant(args.get(1));
        if (left != null && rv != null) {
          return new Condition.Equals(left, rv);
        }
        if (right != null && lv != null) {
          return new Condition.Equals(right, lv);
        }
        return null;
      }
      case "internal.member_2" -> {
        if (args.size() != 2 || !(args.get(0) instanceof Term.Ref r)) {
          return null;
        }
        IndexedRef ref = ref(r, baseData);
        Value coll = constant(args.get(1));
        return switch (coll) {
          case SetValue s when ref != null -> new Condition.OneOf(ref, s);
          case ArrayValue a when ref != null -> new Condition.OneOf(ref, SetValue.of(a.asList()));
          case null, default -> null;
        };
      }
      case "glob.match" -> {
        if (args.size() != 3 || !(args.get(2) instanceof Term.Ref r)) {
          return null;
        }
        IndexedRef ref = ref(r, baseData);
        Value pattern = constant(args.get(0));
        Value delimiters = constant(args.get(1));
        if (ref == null || !(pattern instanceof StringValue p) || delimiters == null) {
          return null;
        }
        return new Condition.Glob(ref, p.value(), delimiters);
      }
      default -> {
        return null;
      }
    }
  }

  private static IndexedRef ref(Term.Ref r, Predicate<List<Value>> baseData) {
    if (!(r.head() instanceof Term.Var v)) {
      return null;
    }
    List<Value> path = Names.groundPrefix(r.path());
    if (path.size() != r.path().size()) {
      return null;
    }
    return switch (v.name()) {
      case "input" -> new IndexedRef(true, path);
      case "data" -> baseData.test(path) ? new IndexedRef(false, path) : null;
      default -> null;
    };
  }

  /** The value of a term built only from constants, or null. */
  public static Value constant(Term t) {
    return switch (t) {
      case Term.Scalar s -> s.value();
      case Term.ArrayTerm a -> {
        List<Value> out = new ArrayList<>();
        for (Term e : a.elements()) {
          Value v = constant(e);
          if (v == null) {
            yield null;
          }
          out.add(v);
        }
        yield ArrayValue.of(out);
      }
      case Term.SetTerm s -> {
        List<Value> out = new ArrayList<>();
        for (Term e : s.elements()) {
          Value v = constant(e);
          if (v == null) {
            yield null;
          }
          out.add(v);
        }
        yield SetValue.of(out);
      }
      case Term.ObjectTerm o -> {
        var b = dev.verdict.value.ObjectValue.builder();
        for (Term.ObjectTerm.Item i : o.items()) {
          Value k = constant(i.key());
          Value v = constant(i.value());
          if (k == null || v == null) {
            yield null;
          }
          b.put(k, v);
        }
        yield b.build();
      }
      default -> null;
    };
  }
}
