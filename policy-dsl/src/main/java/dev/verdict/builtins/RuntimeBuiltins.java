package dev.verdict.builtins;

import dev.verdict.types.Type;
import dev.verdict.value.ArrayValue;
import dev.verdict.value.BooleanValue;
import dev.verdict.value.NullValue;
import dev.verdict.value.NumberValue;
import dev.verdict.value.ObjectValue;
import dev.verdict.value.StringValue;
import dev.verdict.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * What reaches beyond the policy: {@code opa.runtime} (what the embedding passed down: config,
 * env, version …) and {@code trace} (a note in the query's output, beside {@code print}'s).
 */
public final class RuntimeBuiltins {

  private RuntimeBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.nondeterministic("opa.runtime", Signature.of(Type.objectOf(Type.STRING, Type.ANY)),
        (ctx, a) -> toValue(ctx.runtime()));
    // A note goes where print output goes, so `verdict test -v` and its JSON carry it, as opa test's trace does.
    r.function("trace", Signature.of(Type.BOOLEAN, Type.STRING), (ctx, a) -> {
      Operands.string(a, 0);
      ctx.print("Note " + a[0].toRego());
      return BooleanValue.TRUE;
    });
  }

  /** Plain Java data (maps, collections, strings, numbers, booleans, null, values) as a value. */
  static Value toValue(Object o) {
    return switch (o) {
      case null -> NullValue.NULL;
      case Value v -> v;
      case String s -> StringValue.of(s);
      case Boolean b -> BooleanValue.of(b);
      case Integer i -> NumberValue.of(i);
      case Long l -> NumberValue.of(l);
      case BigInteger b -> NumberValue.of(b);
      case BigDecimal d -> NumberValue.of(d);
      case Number n -> NumberValue.of(n.doubleValue());
      case Map<?, ?> m -> {
        ObjectValue.Builder b = ObjectValue.builder();
        m.forEach((k, v) -> b.put(StringValue.of(String.valueOf(k)), toValue(v)));
        yield b.build();
      }
      case Collection<?> c -> ArrayValue.of(c.stream().map(RuntimeBuiltins::toValue).toList());
      default -> StringValue.of(o.toString());
    };
  }
}
