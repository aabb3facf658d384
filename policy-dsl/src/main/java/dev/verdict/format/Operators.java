package dev.verdict.format;

import dev.verdict.ast.Term;
import java.util.Map;
import java.util.stream.Collectors;

/** The calls the parser makes of infix operators, with their symbols and binding strength. */
final class Operators {

  /** An operator: {@code prec} grows with binding strength; {@code in} is the weakest. */
  record Op(String symbol, int prec, int arity) {}

  /** What binds tighter than any operator: a ref, a call, a literal or a collection. */
  static final int PRIMARY = 6;

  private static final Map<String, Op> OPS = Map.ofEntries(
      Map.entry("mul", new Op("*", 5, 2)),
      Map.entry("div", new Op("/", 5, 2)),
      Map.entry("rem", new Op("%", 5, 2)),
      Map.entry("plus", new Op("+", 4, 2)),
      Map.entry("minus", new Op("-", 4, 2)),
      Map.entry("and", new Op("&", 3, 2)),
      Map.entry("or", new Op("|", 2, 2)),
      Map.entry("equal", new Op("==", 1, 2)),
      Map.entry("neq", new Op("!=", 1, 2)),
      Map.entry("lt", new Op("<", 1, 2)),
      Map.entry("lte", new Op("<=", 1, 2)),
      Map.entry("gt", new Op(">", 1, 2)),
      Map.entry("gte", new Op(">=", 1, 2)),
      Map.entry("internal.member_2", new Op("in", 0, 2)),
      Map.entry("internal.member_3", new Op("in", 0, 3)));

  private Operators() {}

  /** The operator a call is written with, or null for a call written {@code f(…)}. */
  static Op infix(Term term) {
    if (!(term instanceof Term.Call call)) {
      return null;
    }
    Op op = OPS.get(name(call.operator()));
    return op != null && op.arity() == call.args().size() ? op : null;
  }

  static int prec(Term term) {
    Op op = infix(term);
    return op == null ? PRIMARY : op.prec();
  }

  /** The dotted name of a call's operator, or "" when it is not a plain name. */
  static String name(Term.Ref operator) {
    if (!(operator.head() instanceof Term.Var head)) {
      return "";
    }
    return head.name() + operator.path().stream()
        .map(e -> e instanceof Term.Scalar s && s.value() instanceof dev.verdict.value.StringValue str ? "." + str.value() : ".?")
        .collect(Collectors.joining());
  }
}
