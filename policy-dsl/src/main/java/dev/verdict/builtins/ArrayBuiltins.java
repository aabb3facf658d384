package dev.verdict.builtins;

import static dev.verdict.types.Type.ANY_ARRAY;
import static dev.verdict.types.Type.NUMBER;

import dev.verdict.value.ArrayValue;
import dev.verdict.value.Value;
import java.util.ArrayList;
import java.util.List;

/** {@code array.concat array.slice array.reverse array.flatten}. */
final class ArrayBuiltins {

  private ArrayBuiltins() {}

  static void register(BuiltinRegistry r) {
    r.function("array.concat", Signature.of(ANY_ARRAY, ANY_ARRAY, ANY_ARRAY), (ctx, a) -> {
      ArrayValue x = Operands.array(a, 0);
      ArrayValue y = Operands.array(a, 1);
      if (y.isEmpty()) {
        return x;
      }
      if (x.isEmpty()) {
        return y;
      }
      Value[] out = new Value[x.size() + y.size()];
      for (int i = 0; i < x.size(); i++) {
        out[i] = x.get(i);
      }
      for (int i = 0; i < y.size(); i++) {
        out[x.size() + i] = y.get(i);
      }
      return ArrayValue.wrap(out);
    });
    r.function("array.slice", Signature.of(ANY_ARRAY, ANY_ARRAY, NUMBER, NUMBER), (ctx, a) -> {
      ArrayValue arr = Operands.array(a, 0);
      long start = Args.longOperand(a, 1);
      long stop = Args.longOperand(a, 2);
      // Clamped rather than failing, as OPA does: stop into [0, len], start into [0, stop].
      stop = Math.max(0, Math.min(stop, arr.size()));
      start = Math.max(0, Math.min(start, stop));
      return start == 0 && stop == arr.size() ? arr : arr.slice((int) start, (int) stop);
    });
    r.function("array.reverse", Signature.of(ANY_ARRAY, ANY_ARRAY), (ctx, a) -> {
      ArrayValue arr = Operands.array(a, 0);
      Value[] out = new Value[arr.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = arr.get(out.length - 1 - i);
      }
      return ArrayValue.wrap(out);
    });
    r.function("array.flatten", Signature.of(ANY_ARRAY, ANY_ARRAY), (ctx, a) -> {
      ArrayValue arr = Operands.array(a, 0);
      List<Value> out = new ArrayList<>(arr.size());
      for (Value e : arr.asList()) {
        if (e instanceof ArrayValue inner) {
          out.addAll(inner.asList());
        } else {
          out.add(e);
        }
      }
      return ArrayValue.of(out);
    });
  }
}
