package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY_SET;

import dev.verdict.types.Type;
import dev.verdict.value.SetValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** {@code and} ({@code &}), {@code or} ({@code |}), {@code intersection}, {@code union} and deprecated {@code set_diff}. */
final class SetBuiltins {

  private SetBuiltins() {}

  static void register(BuiltinRegistry r) {
    Signature binary = Signature.of(ANY_SET, ANY_SET, ANY_SET);
    Signature ofSets = Signature.of(ANY_SET, Type.setOf(ANY_SET));
    r.function("and", binary, (ctx, a) -> Operands.set(a, 0).intersect(Operands.set(a, 1)));
    r.function("or", binary, (ctx, a) -> Operands.set(a, 0).union(Operands.set(a, 1)));
    r.deprecated("set_diff", binary, (ctx, a) -> Operands.set(a, 0).minus(Operands.set(a, 1)));
    r.function("intersection", ofSets, (ctx, a) -> {
      SetValue result = null;
      for (Value e : Operands.set(a, 0).asList()) {
        SetValue s = member(e);
        result = result == null ? s : result.intersect(s);
      }
      return result == null ? SetValue.EMPTY : result;
    });
    r.function("union", ofSets, (ctx, a) -> {
      List<Value> all = new ArrayList<>();
      for (Value e : Operands.set(a, 0).asList()) {
        all.addAll(member(e).asList());
      }
      return SetValue.of(all);
    });
  }

  private static SetValue member(Value v) {
    if (v instanceof SetValue s) {
      return s;
    }
    throw BuiltinException.operandType(1, "set", v);
  }
}
