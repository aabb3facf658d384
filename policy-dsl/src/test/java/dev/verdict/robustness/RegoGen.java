package dev.verdict.robustness;

import dev.verdict.builtins.Builtin;
import dev.verdict.builtins.BuiltinRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random well-formed modules from a small grammar: rules of every kind whose bodies compare refs
 * into input, data and local vars, iterate with {@code some}/{@code every}, build comprehensions
 * and call builtins with arguments of any type. Locals are bound before use, so most modules
 * compile and their bodies run.
 */
public final class RegoGen {

  private static final int RULES = 4;

  /** Builtins that reach the network are left out: robustness tests must not depend on it. */
  private static final Set<String> OFFLINE_ONLY = Set.of("http.send", "net.lookup_ip_addr");

  static final List<Builtin> BUILTINS =
      BuiltinRegistry.standard().all().stream()
          .filter(b -> !b.name().startsWith("internal.") && !OFFLINE_ONLY.contains(b.name()))
          .sorted(Comparator.comparing(Builtin::name))
          .toList();

  private static final List<String> SCALARS =
      List.of("0", "1", "-1", "2.5", "1e400", "2147483000", "9223372036854775807", "true", "false", "null",
          "\"\"", "\"a\"", "\"admin\"", "\"*\"", "\"%v\"", "\"a.b.c\"", "`[a-z]+`", "\"10.0.0.1\"", "\"2024-01-01\"");

  private static final List<String> COMPARISONS = List.of("==", "!=", "<", "<=", ">", ">=", "=");

  private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "%", "|", "&");

  private RegoGen() {}

  /**
   * A module of package {@code gen} with rules {@code r0}…{@code r3} (some through functions
   * {@code f0}…). A rule refers only to the one before it, so that few modules are recursive.
   */
  public static Arbitrary<String> module() {
    return rule().list().ofSize(RULES).map(rules ->
        "package gen\n\n" + IntStream.range(0, RULES).mapToObj(i -> numbered(rules.get(i), i)).collect(Collectors.joining("\n")));
  }

  private static String numbered(String rule, int i) {
    return rule.replace("NAME", String.valueOf(i)).replace("data.gen.PREV", i == 0 ? "input" : "data.gen.r" + (i - 1));
  }

  private static Arbitrary<String> rule() {
    List<String> vars = List.of("x", "y");
    Arbitrary<String> t = term(2, vars);
    Arbitrary<String> scalar = Arbitraries.of(SCALARS);
    Arbitrary<String> body = body(List.of());
    Arbitrary<String> fnBody = body(List.of("p"));
    return Arbitraries.oneOf(
        body.map(b -> "rNAME if " + b),
        Combinators.combine(t, body).as((v, b) -> "rNAME := " + v + " if " + b),
        Combinators.combine(t, body).as((v, b) -> "rNAME contains " + v + " if " + b),
        Combinators.combine(t, t, body).as((k, v, b) -> "rNAME[" + k + "] := " + v + " if " + b),
        Combinators.combine(t, body, scalar).as((v, b, e) -> "rNAME := " + v + " if " + b + " else := " + e),
        Combinators.combine(scalar, t, body).as((d, v, b) -> "default rNAME := " + d + "\nrNAME := " + v + " if " + b),
        Combinators.combine(term(2, List.of("x", "y", "p")), fnBody).as((v, b) -> "fNAME(p) := " + v + " if " + b + "\nrNAME := fNAME(input.a)"));
  }

  /** A body that first binds x and y (refs into input, or anything), then tests them. */
  private static Arbitrary<String> body(List<String> params) {
    List<String> outer = params;
    List<String> withX = new ArrayList<>(params);
    withX.add("x");
    List<String> all = new ArrayList<>(withX);
    all.add("y");
    return Combinators.combine(term(1, outer), term(1, withX), literal(2, all).list().ofMaxSize(4))
        .as((x, y, lits) -> "{\n  x := " + x + "\n  y := " + y + lits.stream().map(l -> "\n  " + l).collect(Collectors.joining()) + "\n}\n");
  }

  private static Arbitrary<String> literal(int depth, List<String> vars) {
    Arbitrary<String> t = term(depth, vars);
    Arbitrary<String> comparison = Combinators.combine(t, Arbitraries.of(COMPARISONS), t).as((a, op, b) -> a + " " + op + " " + b);
    if (depth <= 0) {
      return comparison;
    }
    List<String> inner = new ArrayList<>(vars);
    inner.addAll(List.of("k", "v"));
    return Arbitraries.frequencyOf(
        Tuple.of(4, comparison),
        Tuple.of(2, t),
        Tuple.of(1, Combinators.combine(t, t).as((a, b) -> "not " + a + " == " + b)),
        Tuple.of(1, Combinators.combine(t, t).as((a, b) -> a + " in " + b)),
        Tuple.of(1, Combinators.combine(t, Arbitraries.lazy(() -> literal(depth - 1, inner)))
            .as((c, l) -> "every k, v in " + c + " { " + l + " }")),
        Tuple.of(1, Combinators.combine(t, t, Arbitraries.of("input", "input.a", "data.gen.PREV"))
            .as((a, b, target) -> a + " == " + b + " with " + target + " as " + a)));
  }

  private static Arbitrary<String> term(int depth, List<String> vars) {
    Arbitrary<String> leaf = Arbitraries.oneOf(Arbitraries.of(SCALARS), ref(vars));
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<String> sub = Arbitraries.lazy(() -> term(depth - 1, vars));
    List<String> inner = new ArrayList<>(vars);
    inner.addAll(List.of("k", "v"));
    Arbitrary<String> innerLit = Arbitraries.lazy(() -> literal(depth - 1, inner));
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf),
        Tuple.of(1, sub.list().ofMaxSize(3).map(ts -> "[" + String.join(", ", ts) + "]")),
        Tuple.of(1, sub.list().ofMinSize(1).ofMaxSize(3).map(ts -> "{" + String.join(", ", ts) + "}")),
        Tuple.of(1, Combinators.combine(Arbitraries.of(JsonGen.KEYS), sub).as((k, v) -> "{\"" + k + "\": " + v + "}")),
        Tuple.of(1, Combinators.combine(sub, Arbitraries.of(OPERATORS), sub).as((a, op, b) -> "(" + a + " " + op + " " + b + ")")),
        Tuple.of(3, call(sub)),
        Tuple.of(1, Combinators.combine(sub, innerLit).as((c, l) -> "[v | some v in " + c + "; " + l + "]")),
        Tuple.of(1, Combinators.combine(sub, innerLit).as((c, l) -> "{k: v | some k, v in " + c + "; " + l + "}")),
        Tuple.of(1, sub.map(c -> "{v | some v in " + c + "}")),
        Tuple.of(1, sub.map(c -> "count(" + c + ")")));
  }

  private static Arbitrary<String> ref(List<String> vars) {
    Arbitrary<String> root = Arbitraries.oneOf(
        Arbitraries.of("input", "data.gen.PREV"),
        vars.isEmpty() ? Arbitraries.just("input") : Arbitraries.of(vars));
    Arbitrary<String> key = Arbitraries.oneOf(
        Arbitraries.of(JsonGen.KEYS).map(k -> "[\"" + k + "\"]"),
        Arbitraries.integers().between(-1, 3).map(i -> "[" + i + "]"),
        Arbitraries.just("[_]"));
    return Combinators.combine(root, key.list().ofMaxSize(2)).as((r, ks) -> r + String.join("", ks));
  }

  private static Arbitrary<String> call(Arbitrary<String> arg) {
    return Arbitraries.of(BUILTINS).flatMap(b ->
        arg.list().ofSize(b.signature().arity()).map(args -> b.name() + "(" + String.join(", ", args) + ")"));
  }
}
