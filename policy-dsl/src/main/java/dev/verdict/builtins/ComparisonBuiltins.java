package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY;
import static dev.verdict.types.Type.BOOLEAN;

import dev.verdict.value.BooleanValue;
import java.util.function.IntPredicate;

/** {@code equal neq lt lte gt gte} over all values, in OPA's total order. */
final class ComparisonBuiltins {

  private ComparisonBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature sig = Signature.of(BOOLEAN, ANY, ANY);
    r.function("equal", sig, (ctx, a) -> BooleanValue.of(a[0].equals(a[1])));
    r.function("neq", sig, (ctx, a) -> BooleanValue.of(!a[0].equals(a[1])));
    compare(r, sig, "lt", c -> c < 0);
    compare(r, sig, "lte", c -> c <= 0);
    compare(r, sig, "gt", c -> c > 0);
    compare(r, sig, "gte", c -> c >= 0);
  }

  private static void compare(BuiltinRegistry r, Signature sig, String name, IntPredicate test) {
    r.function(name, sig, (ctx, a) -> BooleanValue.of(test.test(a[0].compareTo(a[1]))));
  }
}
